// catkit ids get: a selection or preparedId into a file or directory. @catkit/ids does the hard
// parts (temp file + atomic rename, resume with Range, size and CRC32 checks, restore waiting);
// with --each, the datafiles are listed from ICAT and fetched one by one into the directory,
// each checked against ICAT's fileSize and checksum.
import { stat } from "node:fs/promises";
import { throttleProgress, type ProgressEvent } from "@catkit/core";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { icatClient, idsClient } from "../../shared/connect.js";
import { selectionOf, targetOf, type TargetOptions } from "./target.js";

/** Flags of `catkit ids get`. */
export interface GetOptions extends TargetOptions {
  out: string;
  wait?: boolean;
  each?: boolean;
  checksum?: string;
  zip?: boolean;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * `catkit ids get`.
 *
 * @example
 * ```ts
 * await get(ctx, { datafile: ["12"], out: "." });
 * ```
 */
export default async function get(ctx: CommandContext, options: GetOptions): Promise<void> {
  if (options.checksum !== undefined && !/^[0-9a-f]{1,8}$/i.test(options.checksum)) throw new UsageError("--checksum takes a CRC32 in hex (as ICAT's Datafile.checksum)");
  const progress = await ctx.out.progress(options.each ? "files" : "download");
  const onProgress = throttleProgress((e: ProgressEvent) => progress.update(e.bytesDone, e.bytesTotal, e.name ?? ""));
  const waitForRestore = options.wait ? { signal: ctx.signal, onStatus: (s: string) => ctx.out.log(`waiting for the restore: ${s}`) } : false;
  try {
    if (options.each) {
      await getEach(ctx, options, onProgress, waitForRestore);
      return;
    }
    const target = await targetOf(options);
    const ids = await idsClient(ctx.globals, true);
    try {
      const result = await ids.download(target, options.out, {
        signal: ctx.signal,
        onProgress,
        waitForRestore,
        ...(options.zip ? { zip: true } : {}),
        ...(options.checksum === undefined ? {} : { checksum: options.checksum.toLowerCase() }),
      });
      progress.stop();
      ctx.out.data(
        { path: result.path, size: result.size, checksum: result.checksum, zip: result.zip, resumes: result.resumes },
        `${result.path}  ${result.size} bytes  crc32 ${result.checksum}${result.resumes ? `  (${result.resumes} resumes)` : ""}`,
      );
    } finally {
      await ids.close();
    }
  } finally {
    progress.stop();
  }
}

async function getEach(ctx: CommandContext, options: GetOptions, onProgress: (e: ProgressEvent) => void, waitForRestore: false | object): Promise<void> {
  if (!(await isDirectory(options.out))) throw new UsageError(`--each writes into a directory: ${options.out} is not an existing directory`);
  const selection = selectionOf(options);
  const icat = await icatClient(ctx.globals);
  try {
    const where: string[] = [];
    if (selection.datafileIds.length) where.push(`df.id IN (${selection.datafileIds.join(",")})`);
    if (selection.datasetIds.length) where.push(`df.dataset.id IN (${selection.datasetIds.join(",")})`);
    if (selection.investigationIds.length) where.push(`df.dataset.investigation.id IN (${selection.investigationIds.join(",")})`);
    const query = `SELECT df FROM Datafile df WHERE ${where.join(" OR ")} ORDER BY df.id`;
    const datafiles = (await icat.search(query, { signal: ctx.signal })) as { id: number; name: string; fileSize?: number | null; checksum?: string | null }[];
    const results = await icat.ids.downloadMany(datafiles, options.out, { signal: ctx.signal, onProgress, continueOnError: true, waitForRestore });
    const rows = results.map((r) => ({ id: r.datafile.id, name: r.datafile.name, path: r.result?.path ?? "", error: r.error?.message ?? "" }));
    ctx.out.table(rows, [{ key: "id" }, { key: "name" }, { key: "path" }, { key: "error" }]);
    const failed = results.filter((r) => r.error);
    if (failed.length > 0) {
      ctx.out.error(`${failed.length} of ${results.length} datafiles failed; the others were written`);
      process.exitCode = 1;
    }
  } finally {
    await icat.close();
  }
}
