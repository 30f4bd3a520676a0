// downloadMany(): many datafiles in parallel, each with download()'s guarantees (temporary file,
// resume, size and CRC32 from ICAT, atomic rename). Every name is checked before anything
// starts, so a hostile or broken name ("../../.bashrc", "/etc/x") fails the whole call before a
// request is sent or a file is written.
import { resolve } from "node:path";
import { AbortError, InvalidArgumentError, type ProgressListener } from "@catkit/core";
import type { CallOptions, IdsContext } from "../operations/ids-context.js";
import { toObjectId, type IdLike } from "../validation.js";
import { parseCrc32 } from "./crc32.js";
import { download, type DownloadResult } from "./download.js";
import type { RestoreWaitOptions } from "./restore-wait.js";
import { pathInside, SafeParents } from "./safe-path.js";

/**
 * A datafile to fetch: an ICAT Datafile object (id and name; fileSize and checksum are checked
 * when present).
 *
 * @example
 * ```ts
 * const df: DatafileRef = { id: 12, name: "greet-jdoe.txt", fileSize: 12, checksum: "bef32c73" };
 * ```
 */
export interface DatafileRef {
  readonly id: IdLike;
  readonly name: string;
  readonly fileSize?: number | null | undefined;
  /** ICAT's Datafile.checksum; used when it is a CRC32 (as IDS writes it). */
  readonly checksum?: string | null | undefined;
}

/**
 * Options of downloadMany().
 *
 * @example
 * ```ts
 * await ids.downloadMany(datafiles, "/data/ds7", { concurrency: 8, pathOf: (df) => `raw/${df.name}` });
 * ```
 */
export interface DownloadManyOptions extends CallOptions {
  /** Parallel downloads (default 4). */
  concurrency?: number;
  /** Relative path of each file in the directory (default: the datafile name, '/' allowed). */
  pathOf?: (datafile: DatafileRef) => string;
  /** Aggregated progress: bytes and items over all files. */
  onProgress?: ProgressListener;
  /** Keep going after a failure and report it per file (default false: stop at the first). */
  continueOnError?: boolean;
  maxResumes?: number;
  waitForRestore?: boolean | RestoreWaitOptions;
  overwrite?: boolean;
}

/**
 * The outcome for one datafile, in input order.
 *
 * @example
 * ```ts
 * for (const r of results) if (r.error) console.error(r.datafile.name, r.error.message);
 * ```
 */
export interface DownloadManyItem {
  datafile: DatafileRef;
  path: string;
  result?: DownloadResult;
  error?: Error;
}

interface Job {
  datafile: DatafileRef;
  id: number;
  path: string;
}

function plan(datafiles: readonly DatafileRef[], directory: string, pathOf: (df: DatafileRef) => string): Job[] {
  const value: unknown = datafiles;
  if (!Array.isArray(value)) throw new InvalidArgumentError("datafiles must be an array of { id, name } objects", { argument: "datafiles" });
  const seen = new Map<string, number>();
  return datafiles.map((datafile, i) => {
    const id = toObjectId(datafile?.id, `datafiles[${i}].id`);
    const path = pathInside(directory, pathOf(datafile), `datafiles[${i}].name`);
    const other = seen.get(path);
    if (other !== undefined) throw new InvalidArgumentError(`datafiles[${other}] and datafiles[${i}] would both be written to ${path}`, { argument: "datafiles" });
    seen.set(path, i);
    return { datafile, id, path };
  });
}

/**
 * Downloads datafiles into `directory`, `concurrency` at a time.
 *
 * @example
 * ```ts
 * const datafiles = await icat.search("SELECT df FROM Datafile df WHERE df.dataset.id = 7");
 * await downloadMany(ctx, datafiles, "/data/ds7", { concurrency: 8 });
 * ```
 */
export async function downloadMany(ctx: IdsContext, datafiles: readonly DatafileRef[], directory: string, options: DownloadManyOptions = {}): Promise<DownloadManyItem[]> {
  const concurrency = options.concurrency ?? 4;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new InvalidArgumentError(`concurrency must be an integer from 1 to 64, got ${String(concurrency)}`, { argument: "concurrency" });
  }
  if (typeof directory !== "string" || directory === "") throw new InvalidArgumentError("directory must be a path", { argument: "directory" });
  const root = resolve(directory);
  const jobs = plan(datafiles, root, options.pathOf ?? ((df) => df.name));
  const items: DownloadManyItem[] = jobs.map((j) => ({ datafile: j.datafile, path: j.path }));
  const failFast = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, failFast.signal]) : failFast.signal;
  const bytes = new Array<number>(jobs.length).fill(0);
  const sizes = jobs.map((j) => j.datafile.fileSize);
  const bytesTotal = sizes.every((s) => typeof s === "number") ? sizes.reduce<number>((n, s) => n + (s ?? 0), 0) : undefined;
  let bytesDone = 0;
  let itemsDone = 0;
  let firstError: Error | undefined;
  const report = (name: string | undefined, done: boolean) =>
    options.onProgress?.({
      operation: "ids.downloadMany",
      ...(name === undefined ? {} : { name }),
      bytesDone,
      ...(bytesTotal === undefined ? {} : { bytesTotal }),
      itemsDone,
      itemsTotal: jobs.length,
      done,
    });

  const parents = new SafeParents(root);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !signal.aborted) {
      const index = next++;
      const job = jobs[index] as Job;
      const item = items[index] as DownloadManyItem;
      try {
        await parents.prepare(job.path);
        const { fileSize, checksum } = job.datafile;
        const crc = parseCrc32(checksum);
        item.result = await download(ctx, { datafileIds: [job.id] }, job.path, {
          signal,
          ...(typeof fileSize === "number" ? { expectedSize: fileSize } : {}),
          ...(crc === undefined ? {} : { checksum: crc }),
          ...(options.maxResumes === undefined ? {} : { maxResumes: options.maxResumes }),
          ...(options.waitForRestore === undefined ? {} : { waitForRestore: options.waitForRestore }),
          ...(options.overwrite === undefined ? {} : { overwrite: options.overwrite }),
          onProgress: (e) => {
            bytesDone += e.bytesDone - (bytes[index] ?? 0);
            bytes[index] = e.bytesDone;
            if (!e.done) report(job.datafile.name, false);
          },
        });
        itemsDone++;
        report(job.datafile.name, false);
      } catch (err) {
        item.error = err instanceof Error ? err : new Error(String(err));
        if (!options.continueOnError) {
          firstError ??= item.error;
          failFast.abort(item.error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  if (firstError) throw firstError;
  if (options.signal?.aborted) throw new AbortError("downloadMany was aborted", { cause: options.signal.reason });
  report(undefined, true);
  return items;
}
