// The CRC32 function of transfers (issue 11): @node-rs/crc32 where it loads, zlib.crc32 where it
// does not. Both must give ICAT's CRC32 for any bytes, any split and any starting value, in
// ordinary and in shared memory (the fast path's read blocks).
import { crc32 } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32Function, nativeCrc32 } from "../../src/internal.ts";

describe("crc32Function", () => {
  it("is @node-rs/crc32's here (an optional dependency the workspace installs)", () => {
    const native = nativeCrc32();
    expect(native).toBeTypeOf("function");
    expect(crc32Function()).not.toBe(crc32);
  });

  it("continues a CRC32 over any split exactly as zlib.crc32, also over a SharedArrayBuffer", () => {
    const native = nativeCrc32();
    if (!native) throw new Error("@node-rs/crc32 did not load");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.nat(), fc.integer({ min: 0, max: 0xffffffff }), (bytes, cut, initial) => {
        const at = bytes.length === 0 ? 0 : cut % bytes.length;
        const shared = new Uint8Array(new SharedArrayBuffer(bytes.length + 3), 3, bytes.length);
        shared.set(bytes);
        const expected = crc32(bytes, initial);
        expect(native(bytes.subarray(at), native(bytes.subarray(0, at), initial)) >>> 0).toBe(expected);
        expect(native(shared, initial) >>> 0).toBe(expected);
      }),
    );
    // The check value of CRC-32/ISO-HDLC, as java.util.zip.CRC32 gives it.
    expect(native(Buffer.from("123456789")) >>> 0).toBe(0xcbf43926);
  });

  it("falls back (undefined) when the package is missing, throws while loading or has no crc32", () => {
    expect(
      nativeCrc32(() => {
        throw Object.assign(new Error("Cannot find module '@node-rs/crc32'"), { code: "MODULE_NOT_FOUND" });
      }),
    ).toBeUndefined();
    expect(nativeCrc32(() => ({}))).toBeUndefined();
    expect(nativeCrc32(() => undefined)).toBeUndefined();
  });
});
