// The CRC32 function of catkit's transfers (ICAT's checksum: CRC-32/ISO-HDLC, as
// java.util.zip.CRC32). Node's zlib.crc32 runs Chromium zlib's table-driven code: its
// carry-less-multiply path is never enabled for zlib.crc32 (checked with perf on Node 24), so it
// costs 0.25 s of CPU per GiB on the 2-core bench machine, a quarter of a download's CPU
// (issue 11). @node-rs/crc32 (crc32fast, SIMD) takes 0.09 s for the same bytes. It is an optional
// dependency with prebuilt binaries for the common platforms; where it is not installed or does
// not load, zlib.crc32 is used. Both give the same values. It is loaded on first use, not at
// import (a client that never checksums does not pay its ~5 MiB), and synchronously, because a
// checksum is a synchronous call.
import { crc32 as zlibCrc32 } from "node:zlib";

/** Continues `initial` (default 0) over `bytes`, as zlib.crc32 does. */
export type Crc32Function = (bytes: Uint8Array, initial?: number) => number;

let chosen: Crc32Function | undefined;

/**
 * The native CRC32 of @node-rs/crc32 when `load` yields it, otherwise undefined.
 *
 * @example
 * ```ts
 * const native = nativeCrc32(); // undefined where @node-rs/crc32 is not installed
 * ```
 */
export function nativeCrc32(load: () => unknown = loadNodeRs): Crc32Function | undefined {
  try {
    const module = load() as { crc32?: unknown } | undefined;
    const crc32 = module?.crc32;
    if (typeof crc32 !== "function") return undefined;
    return (bytes, initial = 0) => (crc32 as (input: Uint8Array, initialState: number) => number)(bytes, initial);
  } catch {
    return undefined;
  }
}

function loadNodeRs(): unknown {
  const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);
  return require("@node-rs/crc32");
}

/**
 * The fastest CRC32 available: @node-rs/crc32's, or zlib.crc32.
 *
 * @example
 * ```ts
 * const crc32 = crc32Function();
 * const crc = crc32(second, crc32(first)); // the CRC32 of first + second
 * ```
 */
export function crc32Function(): Crc32Function {
  return (chosen ??= nativeCrc32() ?? zlibCrc32);
}
