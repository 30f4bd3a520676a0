// getData (GET, streaming) and getDataUrl (ids.server IdsService.getData, IdsBean.getData).
// The body is handed over as a stream; nothing is buffered. A selection too long for a URL is
// first stored with prepareData (a POST form) and fetched by preparedId (python-icat#22).
import type { Readable } from "node:stream";
import { InvalidArgumentError, pooledBody, type CatkitResponse, type ChunkHandler, type PooledBody } from "@catkit/core";
import { backoffDelay, header, requestUrl, sleep, toParams } from "@catkit/core/internal";
import { IdsDataNotOnlineError } from "../errors/ids-error.js";
import { fileNameFromContentDisposition } from "../transfer/content-disposition.js";
import { waitUntilOnline, type RestoreWaitOptions } from "../transfer/restore-wait.js";
import { fitsInUrl, resolveTarget, targetParams, type DataTarget, type ResolvedTarget } from "./data-target.js";
import { noDataNotOnlineRetry, sendIds, type CallOptions, type IdsContext, type Params, callSettings } from "./ids-context.js";
import { prepareData } from "./prepare-data.js";
import { applyIdsSession } from "./ids-auth.js";

/**
 * Flags of getData and getDataUrl.
 *
 * @example
 * ```ts
 * const flags: DataRequestOptions = { zip: true, compress: true, outname: "run-42" };
 * ```
 */
export interface DataRequestOptions {
  /** Zip even a single file (several files are always zipped). Ignored with a preparedId. */
  zip?: boolean | undefined;
  /** Deflate zip entries instead of storing them. Ignored with a preparedId. */
  compress?: boolean | undefined;
  /** The name IDS puts in Content-Disposition (".zip" is appended to zips lacking it). */
  outname?: string | undefined;
}

/**
 * Options of getData.
 *
 * @example
 * ```ts
 * const options: GetDataOptions = { offset: 1024, waitForRestore: { timeoutMs: 600_000 } };
 * ```
 */
export interface GetDataOptions extends DataRequestOptions, CallOptions {
  /** Skip this many bytes: sends `Range: bytes=<offset>-` and IDS answers 206. */
  offset?: number | undefined;
  /** On 503 DataNotOnline, wait for the restore (polling getStatus) and ask again. */
  waitForRestore?: boolean | RestoreWaitOptions | undefined;
}

/**
 * The data stream and what the headers say about it.
 *
 * @example
 * ```ts
 * const { body, size, fileName, zip } = await ids.getData({ datafileIds: [12] });
 * await pipeline(body, createWriteStream(fileName ?? "data"));
 * ```
 */
export interface IdsData {
  /**
   * The bytes as a Readable, as they arrive. Consume or destroy it. Read the body either here or
   * with {@link IdsData.read}, not both.
   */
  readonly body: Readable;
  /**
   * Reads the bytes without a fresh buffer per chunk (core's pooled body): `chunk` is valid until
   * `onChunk` returns, or until the promise it returns settles (which also pauses the transfer);
   * to keep it longer call `lease.retain()` and later `lease.release()`. Resolves at the end.
   */
  read(onChunk: ChunkHandler): Promise<void>;
  /** Gives up the body (closes its connection) without reading it. */
  cancel(): void;
  /** 200, or 206 when an offset was honoured. */
  readonly status: number;
  /** The offset the body starts at (0 unless IDS answered 206). */
  readonly offset: number;
  /** Bytes in this body when IDS says (single files fetched with a session; not zips). */
  readonly size: number | undefined;
  /** From Content-Disposition: the datafile name, `outname`, or IDS's timestamped zip name. */
  readonly fileName: string | undefined;
  /** True for a zip. For a preparedId IDS's headers only hint at it (the ".zip" name). */
  readonly zip: boolean;
  /** Set when a long selection was sent as prepareData first. */
  readonly preparedId: string | undefined;
}

function checkOffset(offset: unknown): number {
  if (offset === undefined) return 0;
  if (typeof offset === "number" && Number.isSafeInteger(offset) && offset >= 0) return offset;
  throw new InvalidArgumentError(`offset must be a non-negative integer number of bytes, got ${typeof offset === "number" ? offset : typeof offset}`, { argument: "offset" });
}

function dataParams(target: ResolvedTarget, options: DataRequestOptions): Params {
  const flags = target.kind === "selection" ? { ...(options.zip ? { zip: true } : {}), ...(options.compress ? { compress: true } : {}) } : {};
  return { ...targetParams(target), ...flags, ...(options.outname === undefined ? {} : { outname: options.outname }) };
}

/**
 * Turns a target into one that fits in a getData URL: long selections become a preparedId.
 *
 * @example
 * ```ts
 * const target = await fitDataTarget(ctx, resolveTarget(selection), { zip: true });
 * ```
 */
export async function fitDataTarget(ctx: IdsContext, target: ResolvedTarget, options: DataRequestOptions & CallOptions): Promise<ResolvedTarget> {
  if (target.kind === "prepared" || fitsInUrl(ctx, "getData", dataParams(target, options))) return target;
  const preparedId = await prepareData(ctx, target.selection, options);
  return { kind: "prepared", preparedId };
}

async function getDataOnce(ctx: IdsContext, target: ResolvedTarget, options: GetDataOptions, offset: number, knownZip: boolean | undefined): Promise<IdsData> {
  const res = await sendIds(ctx, {
    method: "GET",
    path: "getData",
    query: dataParams(target, options),
    ...(offset > 0 ? { headers: { range: `bytes=${offset}-` } } : {}),
    session: target.kind === "prepared" ? "none" : "required",
    expected: [200, 206],
    retry: noDataNotOnlineRetry(),
    operation: "ids.getData",
    dataTransfer: true,
    ...callSettings(options),
  });
  const length = header(res, "content-length");
  const fileName = fileNameFromContentDisposition(header(res, "content-disposition"));
  const zip = knownZip ?? (target.kind === "selection" ? options.zip === true || target.selection.mustZip() : fileName?.toLowerCase().endsWith(".zip") === true);
  return receivedData(res, {
    status: res.status,
    offset: res.status === 206 ? offset : 0,
    size: length === undefined || !/^\d+$/.test(length) ? undefined : Number(length),
    fileName,
    zip,
    preparedId: target.kind === "prepared" ? target.preparedId : undefined,
  });
}

// The body is claimed only when asked for: as a Readable (`body`) or as the pooled body (`read`).
function receivedData(res: CatkitResponse, fields: Omit<IdsData, "body" | "read" | "cancel">): IdsData {
  let pooled: PooledBody | undefined;
  const claim = () => (pooled ??= pooledBody(res));
  return {
    ...fields,
    get body() {
      return res.body;
    },
    read: (onChunk) => claim().read(onChunk),
    cancel: () => claim().cancel(),
  };
}

/**
 * getData for a checked target that fits in a URL, waiting for restores when asked to.
 *
 * `knownZip` is the zip flag when the caller knows it from the original selection.
 *
 * @example
 * ```ts
 * const data = await fetchData(ctx, { kind: "prepared", preparedId }, { offset: 1024 });
 * ```
 */
export async function fetchData(ctx: IdsContext, resolved: ResolvedTarget, options: GetDataOptions = {}, knownZip?: boolean): Promise<IdsData> {
  const offset = checkOffset(options.offset);
  if (!options.waitForRestore) return getDataOnce(ctx, resolved, options, offset, knownZip);
  const waitOptions = options.waitForRestore === true ? {} : options.waitForRestore;
  const deadline = Date.now() + (waitOptions.timeoutMs ?? 3_600_000);
  for (let busy = 0; ; ) {
    try {
      return await getDataOnce(ctx, resolved, options, offset, knownZip);
    } catch (err) {
      if (!(err instanceof IdsDataNotOnlineError) || Date.now() >= deadline) throw err;
      // Online yet 503 means "Data is busy" (a lock): back off before asking again.
      if (busy > 0) await sleep(backoffDelay(busy, 250, 5_000), options.signal);
      const remaining = Math.max(0, deadline - Date.now());
      const polls = await waitUntilOnline(ctx, resolved, { ...waitOptions, timeoutMs: remaining, signal: options.signal }, err);
      busy = polls === 1 ? busy + 1 : 0;
    }
  }
}

/**
 * `GET getData`: the data of a selection or preparedId as a stream.
 *
 * @example
 * ```ts
 * const data = await getData(ctx, { datasetIds: [7] }, { compress: true, waitForRestore: { timeoutMs: 600_000 } });
 * ```
 */
export async function getData(ctx: IdsContext, target: DataTarget, options: GetDataOptions = {}): Promise<IdsData> {
  checkOffset(options.offset);
  const resolved = resolveTarget(target);
  // A selection sent as prepareData keeps the zip flag its rules decide.
  const knownZip = resolved.kind === "selection" ? options.zip === true || resolved.selection.mustZip() : undefined;
  return fetchData(ctx, await fitDataTarget(ctx, resolved, options), options, knownZip);
}

/**
 * The getData URL for a browser or another tool. For a selection it carries the session id:
 * treat it as a secret. A selection too long for a URL is prepared first.
 *
 * @example
 * ```ts
 * const url = await getDataUrl(ctx, { datafileIds: [12] }, { outname: "greeting.txt" });
 * ```
 */
export async function getDataUrl(ctx: IdsContext, target: DataTarget, options: DataRequestOptions & CallOptions = {}): Promise<string> {
  const resolved = await fitDataTarget(ctx, resolveTarget(target), options);
  const base = { method: "GET" as const, url: ctx.core.url("getData"), query: toParams(dataParams(resolved, options)) };
  if (resolved.kind === "prepared" || ctx.core.credential === undefined) return requestUrl(base);
  const { token } = await ctx.core.credential.getToken({ signal: options.signal });
  return requestUrl(applyIdsSession(base, token));
}
