// icat-store-from-file (pyicat-plus apps/store_from_file.py): the files matching the glob(s),
// oldest modification first, each sent unchanged to icatIngest (e.g. Bliss's RAW_DATA/__icat__).
import { stat } from "node:fs/promises";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { describeOutcome, openMessenger } from "../../shared/dataset-messenger.js";

/**
 * The files matching the patterns (shell-expanded paths or quoted globs), by mtime.
 *
 * @example
 * ```ts
 * await filesByMtime(["/data/visitor/id002207/id00/20240301/RAW_DATA/__icat__/*.xml"]);
 * ```
 */
export async function filesByMtime(patterns: readonly string[]): Promise<string[]> {
  const { glob, isDynamicPattern } = await import("tinyglobby");
  const files = new Set<string>();
  for (const pattern of patterns) {
    const matches = isDynamicPattern(pattern) ? await glob(pattern, { absolute: true, onlyFiles: true, expandDirectories: false }) : [pattern];
    for (const m of matches) files.add(m);
  }
  const withTimes = await Promise.all(
    [...files].map(async (file) => {
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) throw new UsageError(`${file} is not a file`);
      return { file, mtime: info.mtimeMs };
    }),
  );
  if (withTimes.length === 0) throw new UsageError(`no file matches ${patterns.join(" ")}`);
  return withTimes.sort((a, b) => a.mtime - b.mtime || a.file.localeCompare(b.file)).map((f) => f.file);
}

/**
 * `icat-store-from-file FILTER...`.
 *
 * @example
 * ```ts
 * await storeFromFile(ctx, { queue: ["localhost:61613"] }, ["__icat__/*.xml"]);
 * ```
 */
export default async function storeFromFile(ctx: CommandContext, flags: { queue?: string[] }, patterns: string[]): Promise<void> {
  const files = await filesByMtime(patterns);
  const messenger = await openMessenger({ queues: flags.queue ?? [] });
  const sent: { file: string; outcome: string }[] = [];
  try {
    for (const file of files) {
      const result = await messenger.storeDatasetFromFile(file);
      sent.push({ file, outcome: result.outcome });
      ctx.out.log(`${file}: ${describeOutcome(result)}`);
    }
  } catch (err) {
    ctx.out.error(`sent ${sent.length} of ${files.length} files before the failure${sent.length ? ` (last: ${sent.at(-1)?.file})` : ""}`);
    throw err;
  } finally {
    await messenger.close();
  }
  ctx.out.table(sent, [{ key: "file" }, { key: "outcome" }]);
}
