// Images posted to the e-logbook (base64 data URIs) above a size threshold are written to a
// directory, named by their SHA-256 (so a re-post writes nothing new), through a temporary file
// and a rename (never a half-written image); the row keeps only the reference.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { ImageRef } from "./logbook-store.js";

/**
 * The image directory.
 *
 * @example
 * ```ts
 * const images = new ImageStore("/var/lib/catkit/images");
 * const ref = await images.put(bytes, "image/png");
 * ```
 */
export class ImageStore {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  async put(bytes: Buffer, mime: string): Promise<ImageRef> {
    const ref = createHash("sha256").update(bytes).digest("hex");
    const path = join(this.dir, ref);
    const exists = await stat(path).then(() => true, () => false);
    if (!exists) {
      await mkdir(this.dir, { recursive: true });
      const tmp = join(this.dir, `.${ref}.${randomUUID()}.tmp`);
      try {
        await writeFile(tmp, bytes, { flush: true });
        await rename(tmp, path);
      } finally {
        await rm(tmp, { force: true });
      }
    }
    return { ref, mime, size: bytes.length };
  }

  /** A stream of the image, or undefined when there is none (refs are checked to be SHA-256 hex). */
  async open(ref: string): Promise<{ stream: Readable; size: number } | undefined> {
    if (!/^[0-9a-f]{64}$/.test(ref)) return undefined;
    const path = join(this.dir, ref);
    const info = await stat(path).catch(() => undefined);
    return info && { stream: createReadStream(path), size: info.size };
  }
}
