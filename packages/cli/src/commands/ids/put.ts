// catkit ids put: files, or every file under a directory (named by their relative path), as new
// datafiles of one dataset. Each upload is streamed and CRC32-checked by @catkit/ids; a failure
// stops the run and the files already stored are listed, so the outcome is reported exactly.
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { throttleProgress } from "@catkit/core";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { idsClient } from "../../shared/connect.js";

/** Flags of `catkit ids put`. */
export interface PutFlags {
  dataset: string;
  formatId: string;
  description?: string;
}

interface Upload {
  path: string;
  name: string;
}

async function uploadsOf(paths: readonly string[]): Promise<Upload[]> {
  const uploads: Upload[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new UsageError(`${path} does not exist`);
    if (info.isFile()) uploads.push({ path, name: path.split("/").at(-1) ?? path });
    else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      for (const e of entries.filter((x) => x.isFile()).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
        const full = join(e.parentPath, e.name);
        uploads.push({ path: full, name: relative(path, full) });
      }
    } else throw new UsageError(`${path} is neither a file nor a directory`);
  }
  if (uploads.length === 0) throw new UsageError("nothing to upload: the directories given are empty");
  return uploads;
}

function positiveId(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} must be a positive integer id, got ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * `catkit ids put PATH...`.
 *
 * @example
 * ```ts
 * await put(ctx, { dataset: "7", formatId: "2" }, ["scan.nxs"]);
 * ```
 */
export default async function put(ctx: CommandContext, flags: PutFlags, paths: string[]): Promise<void> {
  const datasetId = positiveId(flags.dataset, "--dataset");
  const datafileFormatId = positiveId(flags.formatId, "--format-id");
  const uploads = await uploadsOf(paths);
  const ids = await idsClient(ctx.globals, true);
  const done: { name: string; id: number; size: number; checksum: string }[] = [];
  try {
    for (const upload of uploads) {
      const progress = await ctx.out.progress("upload");
      try {
        const result = await ids.put(upload.path, {
          name: upload.name,
          datasetId,
          datafileFormatId,
          signal: ctx.signal,
          ...(flags.description === undefined ? {} : { description: flags.description }),
          onProgress: throttleProgress((e) => progress.update(e.bytesDone, e.bytesTotal, upload.name)),
        });
        done.push({ name: upload.name, id: result.id, size: result.size, checksum: result.checksum });
      } finally {
        progress.stop();
      }
    }
  } catch (err) {
    if (done.length > 0) ctx.out.error(`stored ${done.length} of ${uploads.length} files before the failure: ${done.map((d) => `${d.name}=${d.id}`).join(", ")}`);
    throw err;
  } finally {
    await ids.close();
  }
  ctx.out.table(done, [{ key: "id" }, { key: "name" }, { key: "size" }, { key: "checksum" }]);
}
