// put(): upload one file as a new datafile (ids.server `PUT put`, IdsBean.put). The body is
// streamed (never buffered) through CRC32 (core's crc32Function); IDS computes its own CRC32 while storing
// and answers 201 with it as a decimal number; the two must agree (python-icat ids.py put).
// The CRC32 of a file source's chunks is computed as they are sent (on core's worker thread when
// asked to: the chunks are shared memory); a chunk's buffer is refilled only once its CRC32 is done.
// Not retried: a second attempt would create a second datafile.
import { HttpError, InvalidArgumentError, readJson, type ProgressListener } from "@catkit/core";
import { Crc32Sequence, lentRing, markLent, quoteUrl, requestUrl, streamBody } from "@catkit/core/internal";
import { IdsChecksumMismatchError, IdsPutOutcomeUnknownError, IdsSizeMismatchError } from "../errors/transfer-errors.js";
import { sendIds, type CallOptions, type IdsContext, callSettings } from "../operations/ids-context.js";
import { toObjectId, type IdLike } from "../validation.js";
import { crc32Hex } from "./crc32.js";
import { checkPutAnswer, type PutAnswer } from "./put-answer.js";
import { openSource, type PutSource } from "./put-source.js";

/**
 * What the new datafile is, and how to send it.
 *
 * @example
 * ```ts
 * await ids.put(stream, { name: "scan.nxs", datasetId: 7, datafileFormatId: 2, size: 1024, modTime: new Date() });
 * ```
 */
export interface PutOptions extends CallOptions {
  /** Datafile name (default: the file name when `source` is a path). */
  name?: string;
  datasetId: IdLike;
  datafileFormatId: IdLike;
  description?: string;
  doi?: string;
  /** Default: the file's birth time (or mtime) when `source` is a path. */
  createTime?: Date | number;
  /** Default: the file's mtime when `source` is a path. */
  modTime?: Date | number;
  /** Byte count of a stream source, sent as Content-Length (paths are measured). */
  size?: number;
  onProgress?: ProgressListener;
  /**
   * Looks a datafile up by dataset and name (e.g. in ICAT). When the connection breaks after the
   * bytes were sent, IDS may have created the datafile before the answer was lost: put asks this
   * hook, returns the datafile when its size and checksum match what was sent, and otherwise
   * throws {@link IdsPutOutcomeUnknownError}. `@catkit/icat`'s putData sets it.
   */
  findExisting?: (query: { datasetId: number; name: string }) => Promise<ExistingDatafile | undefined>;
}

/**
 * A datafile as a {@link PutOptions.findExisting} hook finds it.
 *
 * @example
 * ```ts
 * const found: ExistingDatafile = { id: 12, size: 12, checksum: "bef32c73", location: "1/2/greet.txt" };
 * ```
 */
export interface ExistingDatafile {
  id: number;
  size: number | undefined;
  /** CRC32, lowercase hex, as ICAT stores it. */
  checksum: string | undefined;
  location?: string | undefined;
}

/**
 * The datafile IDS created.
 *
 * @example
 * ```ts
 * const { id, checksum, size } = await ids.put("greet-jdoe.txt", { datasetId: 7, datafileFormatId: 2 });
 * ```
 */
export interface PutResult {
  /** The new Datafile's id in ICAT. */
  id: number;
  /** CRC32 as ICAT stores it in Datafile.checksum: lowercase hex. */
  checksum: string;
  /** The same CRC32 as a number (IDS's decimal answer). */
  crc32: number;
  /** Where IDS stored it (storage-plugin specific). */
  location: string;
  size: number;
}

function millis(value: Date | number | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : value;
  if (Number.isSafeInteger(ms)) return ms;
  throw new InvalidArgumentError(`${what} must be a Date or epoch milliseconds, got ${String(value)}`, { argument: what });
}

function text(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  throw new InvalidArgumentError(`${what} must be a string`, { argument: what });
}

/**
 * Uploads `source` as a new datafile of dataset `datasetId`.
 *
 * @example
 * ```ts
 * const df = await put(ctx, "/data/greet-jdoe.txt", { datasetId: 7, datafileFormatId: 2, description: "greeting" });
 * ```
 */
export async function put(ctx: IdsContext, source: PutSource, options: PutOptions): Promise<PutResult> {
  if (typeof options !== "object" || options === null) throw new InvalidArgumentError("put needs options with datasetId and datafileFormatId", { argument: "options" });
  const datasetId = toObjectId(options.datasetId, "datasetId");
  const datafileFormatId = toObjectId(options.datafileFormatId, "datafileFormatId");
  const description = text(options.description, "description");
  const doi = text(options.doi, "doi");
  if (options.size !== undefined && !(Number.isSafeInteger(options.size) && options.size >= 0)) {
    throw new InvalidArgumentError(`size must be a non-negative integer, got ${String(options.size)}`, { argument: "size" });
  }
  let createTime = millis(options.createTime, "createTime");
  let modTime = millis(options.modTime, "modTime");
  const name = text(options.name, "name");
  if (name === "" || (name === undefined && typeof source !== "string")) {
    throw new InvalidArgumentError("name is required (the datafile name in ICAT) unless source is a file path", { argument: "name" });
  }
  const opened = await openSource(source);
  modTime ??= opened.modTime;
  createTime ??= opened.createTime ?? modTime; // python-icat putData: createTime defaults to modTime
  const size = options.size ?? opened.size;
  const datafileName = name ?? opened.name ?? "";

  const crc = new Crc32Sequence();
  let sent = 0;
  const onProgress = options.onProgress;
  // Chunks of a file source are lent (reused buffers): the counted stream passes that on.
  const ring = lentRing(opened.chunks);
  const counted = async function* (): AsyncGenerator<Buffer> {
    // The next pull may reuse the buffer of the chunk `ring` back (of the previous one, for a
    // source whose reuse rule is unknown): its CRC32 must be done by then.
    const checking: Array<Promise<void> | undefined> = [];
    for await (const piece of opened.chunks) {
      const chunk = typeof piece === "string" ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      checking.push(crc.add(chunk));
      sent += chunk.byteLength;
      onProgress?.({ operation: "ids.put", name: datafileName, bytesDone: sent, ...(size === undefined ? {} : { bytesTotal: size }), done: false });
      yield chunk;
      while (checking.length > (ring ?? 1) - 1) await checking.shift();
    }
  };
  let answer: PutAnswer;
  try {
    const res = await sendIds(ctx, {
      method: "PUT",
      path: "put",
      query: { name: datafileName, datasetId, datafileFormatId, description, doi, datafileCreateTime: createTime, datafileModTime: modTime },
      body: streamBody(ring === undefined ? counted() : markLent(counted(), ring), size === undefined ? {} : { length: size }),
      session: "required",
      expected: [200, 201],
      idempotent: false,
      operation: "ids.put",
      dataTransfer: true,
      ...callSettings(options),
    });
    answer = checkPutAnswer(await readJson(res), `PUT ${quoteUrl(requestUrl(res.request))}`);
  } catch (err) {
    // IDS answered (an HttpError): it rolled the put back (IdsBean.put). No answer after the
    // bytes went out: the datafile may exist, so find out instead of letting a retry duplicate it.
    if (err instanceof HttpError || sent === 0) throw err;
    return settleUnanswered(err, { datasetId, name: datafileName, sent, crc: await crc.settled() }, options.findExisting);
  }
  const sentCrc = await crc.settled();
  if (answer.size !== sent) {
    throw new IdsSizeMismatchError(`sent ${sent} bytes of ${datafileName} but IDS stored ${answer.size} as datafile ${answer.id}; delete it and upload again`, {
      actual: sent,
      expected: answer.size,
      datafileId: answer.id,
    });
  }
  if (answer.checksum !== sentCrc) {
    throw new IdsChecksumMismatchError(
      `CRC32 of the bytes sent is ${crc32Hex(sentCrc)} but IDS computed ${crc32Hex(answer.checksum)} for datafile ${answer.id}: the upload was corrupted; delete datafile ${answer.id} and upload again`,
      { actual: crc32Hex(sentCrc), expected: crc32Hex(answer.checksum), datafileId: answer.id },
    );
  }
  onProgress?.({ operation: "ids.put", name: datafileName, bytesDone: sent, bytesTotal: sent, done: true });
  return { id: answer.id, checksum: crc32Hex(answer.checksum), crc32: answer.checksum, location: answer.location, size: answer.size };
}

// A put whose answer never came. With a look-up: the datafile IDS made (size and CRC32 match what
// was sent) is the result; none means IDS did not commit, and the original error is thrown (a
// retry is safe); one that differs is an outcome to report. Without a look-up: unknown.
async function settleUnanswered(
  err: unknown,
  put: { datasetId: number; name: string; sent: number; crc: number },
  findExisting: PutOptions["findExisting"],
): Promise<PutResult> {
  const what = `datafile "${put.name}" in dataset ${put.datasetId}`;
  if (findExisting === undefined) {
    throw new IdsPutOutcomeUnknownError(
      `The connection broke after all ${put.sent} bytes of ${what} were sent, before IDS answered: IDS may have created it. Look it up in ICAT (dataset ${put.datasetId}, name "${put.name}") before uploading again, or pass findExisting.`,
      { datasetId: put.datasetId, datafileName: put.name, existing: undefined, cause: err },
    );
  }
  const found = await findExisting({ datasetId: put.datasetId, name: put.name });
  if (found === undefined) throw err;
  const checksum = crc32Hex(put.crc);
  if (found.size === put.sent && (found.checksum === undefined || found.checksum.toLowerCase() === checksum)) {
    return { id: found.id, checksum, crc32: put.crc, location: found.location ?? "", size: put.sent };
  }
  throw new IdsPutOutcomeUnknownError(
    `The connection broke before IDS answered, and ${what} exists as datafile ${found.id} with size ${String(found.size)} and checksum ${String(found.checksum)}, not the ${put.sent} bytes with CRC32 ${checksum} that were sent: check it, delete it if it is wrong, and upload again.`,
    { datasetId: put.datasetId, datafileName: put.name, existing: found, cause: err },
  );
}
