// catkit scicat download PID --target DIR [--select PATTERN…]: @catkit/scicat's verified
// download (checksum per file, temp file + rename, existing verified files skipped) through the
// configured transfer, with a progress bar on a terminal. --select takes globs matched against
// the file's remote path (picomatch) or `re:REGEXP`; several are OR-ed.
import { throttleProgress, type ProgressEvent } from "@catkit/core";
import type { File } from "@catkit/scicat";
import picomatch from "picomatch";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { scicatClient, type ScicatFlags } from "../../shared/scicat-client.js";
import { fileTransfer, type TransferFlags } from "./transfer.js";

/** Flags of `catkit scicat download`. */
export interface DownloadFlags extends ScicatFlags, TransferFlags {
  target: string;
  select?: string[];
  force?: boolean;
  checksumAlgorithm?: string;
}

/**
 * The file predicate of the --select patterns (all files when none).
 *
 * @example
 * ```ts
 * const pick = selector(["*.nxs", "re:^raw/"]);
 * ```
 */
export function selector(patterns: readonly string[]): (file: File) => boolean {
  if (patterns.length === 0) return () => true;
  const tests = patterns.map((p): ((path: string) => boolean) => {
    if (!p.startsWith("re:")) return picomatch(p, { dot: true });
    try {
      const re = new RegExp(p.slice(3), "u");
      return (path) => re.test(path);
    } catch (err) {
      throw new UsageError(`--select ${JSON.stringify(p)} is not a valid RegExp: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return (file) => tests.some((t) => t(file.remotePath));
}

/**
 * `catkit scicat download`.
 *
 * @example
 * ```ts
 * await download(ctx, { target: "./data", transfer: "copy", select: ["*.nxs"] }, "20.500.12269/4f8c");
 * ```
 */
export default async function download(ctx: CommandContext, flags: DownloadFlags, pid: string): Promise<void> {
  const select = selector(flags.select ?? []);
  const client = await scicatClient(ctx.globals, flags, await fileTransfer(flags));
  const progress = await ctx.out.progress("download");
  try {
    const dataset = await client.getDataset(pid, { signal: ctx.signal });
    const chosen = dataset.files.filter(select);
    if (chosen.length === 0) throw new UsageError(`no file of ${pid} matches --select ${(flags.select ?? []).join(" ")} (it has ${dataset.files.length})`);
    const result = await client.downloadFiles(dataset, {
      target: flags.target,
      select,
      signal: ctx.signal,
      onProgress: throttleProgress((e: ProgressEvent) => progress.update(e.bytesDone, e.bytesTotal, e.name ?? "")),
      ...(flags.force ? { force: true } : {}),
      ...(flags.checksumAlgorithm ? { checksumAlgorithm: flags.checksumAlgorithm } : {}),
    });
    progress.stop();
    const rows = result.files
      .filter((f) => f.localPath !== undefined && select(f))
      .map((f) => ({ path: f.localPath ?? "", remotePath: f.remotePath, size: f.size, checksum: f.checksum ?? "" }));
    ctx.out.table(rows, [{ key: "path" }, { key: "size" }, { key: "checksum" }]);
  } finally {
    progress.stop();
    await client.close();
  }
}
