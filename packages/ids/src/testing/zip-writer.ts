// Streams a zip of many files with yazl, loaded only when a zip is first needed: yazl is an
// optional peer dependency of @catkit/ids that only sandbox users need. Entries are deflated
// with `compress`, stored otherwise (ids.server uses ZipOutputStream.setLevel(0), a deflate
// stream without compression; stored entries are the same bytes, readable by every unzip).
// Files are opened one at a time, when yazl reaches them.
import { createRequire } from "node:module";
import type { Readable } from "node:stream";
// Types only (erased): @types/yazl describes the module that loadYazl requires at run time.
import type * as Yazl from "yazl";

/** One file to put in the zip. */
export interface ZipSource {
  name: string;
  open: () => Readable;
}

let yazl: typeof Yazl | undefined;

// Node's own require: yazl is CommonJS, and loading it natively keeps bundlers and test runners
// from rewriting its dependencies (vitest's ESM interop broke buffer-crc32's `unsigned`).
function loadYazl(): typeof Yazl {
  if (yazl) return yazl;
  try {
    yazl = createRequire(import.meta.url)("yazl") as typeof Yazl;
    return yazl;
  } catch (err) {
    throw new Error("The IDS sandbox needs the optional peer dependency yazl to send zips: run `pnpm add -D yazl`.", { cause: err });
  }
}

/**
 * A zip of `sources` as a stream. Duplicate entry names are skipped, as ids.server skips them
 * (a ZipException on putNextEntry is caught and ignored in IdsBean SO.write).
 *
 * @example
 * ```ts
 * const zip = zipStream([{ name: "ids/F/I/V/D/a.txt", open: () => createReadStream(path) }], { compress: false, mtime: new Date() });
 * zip.pipe(res);
 * ```
 */
export function zipStream(sources: readonly ZipSource[], options: { compress: boolean; mtime: Date }): Readable {
  const { ZipFile } = loadYazl();
  const zip = new ZipFile();
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.name)) continue;
    seen.add(source.name);
    zip.addReadStreamLazy(source.name, { compress: options.compress, mtime: options.mtime }, (cb) => cb(null, source.open()));
  }
  zip.end();
  const output = zip.outputStream as Readable;
  // yazl reports a failing input stream on the ZipFile, not on its output: end the output with it.
  zip.on("error", (err: Error) => output.destroy(err));
  return output;
}
