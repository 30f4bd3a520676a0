// put(): upload one file as a new datafile (ids.server `PUT put`, IdsBean.put). The body is
// streamed (never buffered) through CRC32 (zlib.crc32); IDS computes its own CRC32 while storing
// and answers 201 with it as a decimal number; the two must agree (python-icat ids.py put).
// Not retried: a second attempt would create a second datafile.
import { InvalidArgumentError, readJson, streamBody, type ProgressListener } from "@catkit/core";
import { crc32 } from "node:zlib";
import { IdsChecksumMismatchError, IdsSizeMismatchError } from "../errors/transfer-errors.js";
import { sendIds, type CallOptions, type IdsContext, callSettings } from "../operations/ids-context.js";
import { PutResponseSchema } from "../operations/response-schemas.js";
import { toObjectId, type IdLike } from "../validation.js";
import { crc32Hex } from "./crc32.js";
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

  let crc = 0;
  let sent = 0;
  const onProgress = options.onProgress;
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const piece of opened.chunks) {
      const chunk = typeof piece === "string" ? Buffer.from(piece) : piece;
      crc = crc32(chunk, crc);
      sent += chunk.byteLength;
      onProgress?.({ operation: "ids.put", name: datafileName, bytesDone: sent, ...(size === undefined ? {} : { bytesTotal: size }), done: false });
      yield chunk;
    }
  };
  const res = await sendIds(ctx, {
    method: "PUT",
    path: "put",
    query: { name: datafileName, datasetId, datafileFormatId, description, doi, datafileCreateTime: createTime, datafileModTime: modTime },
    body: streamBody(counted(), size === undefined ? {} : { length: size }),
    session: "required",
    expected: [200, 201],
    idempotent: false,
    operation: "ids.put",
    ...callSettings(options),
  });
  const answer = await readJson(res, PutResponseSchema);
  if (answer.size !== sent) {
    throw new IdsSizeMismatchError(`sent ${sent} bytes of ${datafileName} but IDS stored ${answer.size} as datafile ${answer.id}; delete it and upload again`, {
      actual: sent,
      expected: answer.size,
      datafileId: answer.id,
    });
  }
  if (answer.checksum !== crc >>> 0) {
    throw new IdsChecksumMismatchError(
      `CRC32 of the bytes sent is ${crc32Hex(crc)} but IDS computed ${crc32Hex(answer.checksum)} for datafile ${answer.id}: the upload was corrupted; delete datafile ${answer.id} and upload again`,
      { actual: crc32Hex(crc), expected: crc32Hex(answer.checksum), datafileId: answer.id },
    );
  }
  onProgress?.({ operation: "ids.put", name: datafileName, bytesDone: sent, bytesTotal: sent, done: true });
  return { id: answer.id, checksum: crc32Hex(answer.checksum), crc32: answer.checksum, location: answer.location, size: answer.size };
}
