// Writing a file so that a crash leaves the old state or the whole new file, never half of it:
// a temp file in the same directory, written, fsync'd, then renamed over the target. Used for
// outbox entries and for the XML files of storeDataset(…, { storeFilename }).
import { randomUUID } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `data` to `path` atomically and durably (the rename itself is made durable by an
 * fsync of the directory, which callers batch).
 *
 * @example
 * ```ts
 * await writeFileDurably("/var/spool/icat-plus/0001.icatIngest.….xml", xml, 0o600);
 * ```
 */
export async function writeFileDurably(path: string, data: string, mode = 0o666): Promise<void> {
  const tmp = join(dirname(path), `.tmp-${basename(path)}-${randomUUID()}`);
  try {
    const handle = await open(tmp, "wx", mode);
    try {
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
