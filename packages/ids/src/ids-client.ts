// IdsClient: the whole IDS API on one object. A thin class: each method delegates to a function
// in operations/ or transfer/, which hold the logic (and can be used directly with a context).
import { createClientContext, InvalidArgumentError } from "@catkit/core";
import type { SelectionInput } from "./data-selection.js";
import type { IdsClientOptions } from "./ids-client-options.js";
import { getDatafileIds, getSize, getStatus } from "./operations/data-info.js";
import { resolveTarget, type DataTarget } from "./operations/data-target.js";
import { getData, getDataUrl, type DataRequestOptions, type GetDataOptions, type IdsData } from "./operations/get-data.js";
import { getLink } from "./operations/get-link.js";
import { applyIdsSession, isIdsSessionFailure } from "./operations/ids-auth.js";
import { IDS_SERVICE, type CallOptions, type IdsContext } from "./operations/ids-context.js";
import { isPrepared, prepareData, type PrepareDataOptions } from "./operations/prepare-data.js";
import type { DataStatus, DatafileIds, ServiceStatus } from "./operations/response-schemas.js";
import { getIcatUrl, getServiceStatus, isReadOnly, isTwoLevel, ping } from "./operations/server-info.js";
import { archive, deleteData, reset, restore, write } from "./operations/storage-control.js";
import { getApiVersion, version, type IdsVersion } from "./operations/version.js";
import { download, type DownloadOptions, type DownloadResult } from "./transfer/download.js";
import { downloadMany, type DatafileRef, type DownloadManyItem, type DownloadManyOptions } from "./transfer/download-many.js";
import { put, type PutOptions, type PutResult } from "./transfer/put.js";
import type { PutSource } from "./transfer/put-source.js";
import { waitUntilOnline, type RestoreWaitOptions } from "./transfer/restore-wait.js";
import type { IdLike } from "./validation.js";
import { IDS_CLIENT_VERSION } from "./version.js";

/**
 * A client of the ICAT Data Service (ids.server 2.x; older servers where the call exists).
 * Construct it with the IDS URL and a credential from `@catkit/core`: a plain ICAT session id
 * works, and an ICAT login credential serves ICAT and IDS alike.
 *
 * @example
 * ```ts
 * const ids = new IdsClient({ url: "https://ids.example.org/ids", credential: sessionId });
 * const { id } = await ids.put("greet-jdoe.txt", { datasetId: 7, datafileFormatId: 2 });
 * await ids.download({ datafileIds: [id] }, "copy.txt");
 * ```
 */
export class IdsClient {
  readonly #ctx: IdsContext;

  constructor(options: IdsClientOptions) {
    const maxUrlLength = options.maxUrlLength ?? 4096;
    if (!Number.isSafeInteger(maxUrlLength) || maxUrlLength < 256) {
      throw new InvalidArgumentError(`maxUrlLength must be an integer of at least 256, got ${String(maxUrlLength)}`, { argument: "maxUrlLength" });
    }
    const core = createClientContext(options, {
      name: "catkit-ids",
      version: IDS_CLIENT_VERSION,
      auth: { apply: applyIdsSession, isAuthFailure: isIdsSessionFailure },
      ...IDS_SERVICE,
    });
    this.#ctx = { core, maxUrlLength };
  }

  /** The IDS base URL (with a trailing slash). */
  get url(): string {
    return this.#ctx.core.baseUrl.href;
  }

  /** Resolves when the server answers `IdsOK`. */
  ping(options?: CallOptions): Promise<void> {
    return ping(this.#ctx, options);
  }

  /** `{ version }` of the server (legacy probes on servers older than 1.8). */
  version(options?: CallOptions): Promise<IdsVersion> {
    return version(this.#ctx, options);
  }

  /** The server version as a string (the removed getApiVersion call, emulated). */
  getApiVersion(options?: CallOptions): Promise<string> {
    return getApiVersion(this.#ctx, options);
  }

  /** The URL of the ICAT this IDS uses. */
  getIcatUrl(options?: CallOptions): Promise<string> {
    return getIcatUrl(this.#ctx, options);
  }

  /** True when put and delete are disabled. */
  isReadOnly(options?: CallOptions): Promise<boolean> {
    return isReadOnly(this.#ctx, options);
  }

  /** True when IDS has archive storage. */
  isTwoLevel(options?: CallOptions): Promise<boolean> {
    return isTwoLevel(this.#ctx, options);
  }

  /** Queued operations, locks and restore failures (IDS root users only). */
  getServiceStatus(options?: CallOptions): Promise<ServiceStatus> {
    return getServiceStatus(this.#ctx, options);
  }

  /** Total size in bytes of the selected datafiles. */
  getSize(target: DataTarget, options?: CallOptions): Promise<number> {
    return getSize(this.#ctx, target, options);
  }

  /** `ONLINE`, `RESTORING` or `ARCHIVED`. */
  getStatus(target: DataTarget, options?: CallOptions): Promise<DataStatus> {
    return getStatus(this.#ctx, target, options);
  }

  /** Datafile ids a selection or preparedId covers. */
  getDatafileIds(target: DataTarget, options?: CallOptions): Promise<DatafileIds> {
    return getDatafileIds(this.#ctx, target, options);
  }

  /** Queue the data for archiving (two-level IDS). */
  archive(selection: SelectionInput, options?: CallOptions): Promise<void> {
    return archive(this.#ctx, selection, options);
  }

  /** Queue the data for restoring (two-level IDS). */
  restore(selection: SelectionInput, options?: CallOptions): Promise<void> {
    return restore(this.#ctx, selection, options);
  }

  /** Queue writing the data to archive storage (two-level IDS). */
  write(selection: SelectionInput, options?: CallOptions): Promise<void> {
    return write(this.#ctx, selection, options);
  }

  /** Clear remembered restore failures. */
  reset(target: DataTarget, options?: CallOptions): Promise<void> {
    return reset(this.#ctx, target, options);
  }

  /** Delete the datafiles from storage and ICAT. */
  delete(selection: SelectionInput, options?: CallOptions): Promise<void> {
    return deleteData(this.#ctx, selection, options);
  }

  /** Store a selection for later getData; returns the preparedId. */
  prepareData(selection: SelectionInput, options?: PrepareDataOptions): Promise<string> {
    return prepareData(this.#ctx, selection, options);
  }

  /** True once prepared data is online. */
  isPrepared(preparedId: string, options?: CallOptions): Promise<boolean> {
    return isPrepared(this.#ctx, preparedId, options);
  }

  /** The data as a stream, with what the headers say about it. */
  getData(target: DataTarget, options?: GetDataOptions): Promise<IdsData> {
    return getData(this.#ctx, target, options);
  }

  /** A getData URL (carries the session id for a selection: keep it secret). */
  getDataUrl(target: DataTarget, options?: DataRequestOptions & CallOptions): Promise<string> {
    return getDataUrl(this.#ctx, target, options);
  }

  /** Path of a hard link to a datafile (deprecated IDS call). */
  getLink(datafileId: IdLike, username?: string, options?: CallOptions): Promise<string> {
    return getLink(this.#ctx, datafileId, username, options);
  }

  /** Upload a file or stream as a new datafile, checking CRC32. */
  put(source: PutSource, options: PutOptions): Promise<PutResult> {
    return put(this.#ctx, source, options);
  }

  /** Download to a file with resume, size and CRC32 checks, and an atomic rename. */
  download(target: DataTarget, destination: string, options?: DownloadOptions): Promise<DownloadResult> {
    return download(this.#ctx, target, destination, options);
  }

  /** Download many datafiles in parallel into a directory. */
  downloadMany(datafiles: readonly DatafileRef[], directory: string, options?: DownloadManyOptions): Promise<DownloadManyItem[]> {
    return downloadMany(this.#ctx, datafiles, directory, options);
  }

  /** Restore archived data and wait until it is ONLINE (reset once after a failed restore). */
  async restoreAndWait(target: DataTarget, options?: RestoreWaitOptions): Promise<void> {
    await waitUntilOnline(this.#ctx, resolveTarget(target), options);
  }

  /** Close idle connections (only when the client created its transport). */
  close(): Promise<void> {
    return this.#ctx.core.close();
  }
}
