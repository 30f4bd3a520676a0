import { describe, expect, it } from "vitest";
import { crc32Hex, fileNameFromContentDisposition, parseCrc32, safeSegments } from "../src/index.ts";
import { javaUrlEncode, zipEntryName } from "../src/testing/index.ts";

describe("small pieces", () => {
  it("CRC32 in ICAT's form: lowercase hex without padding", () => {
    expect(crc32Hex(0x0000abcd)).toBe("abcd");
    expect(crc32Hex(-1)).toBe("ffffffff");
    expect(parseCrc32("BEF32C73")).toBe(0xbef32c73);
    expect(parseCrc32(" abcd ")).toBe(0xabcd);
    expect(parseCrc32(0xbef32c73)).toBe(0xbef32c73);
    expect(parseCrc32("md5:d41d8cd98f00b204e9800998ecf8427e")).toBeUndefined();
    expect(parseCrc32("123456789")).toBeUndefined();
    expect(parseCrc32(null)).toBeUndefined();
  });

  it("file names from Content-Disposition, including IDS's unescaped quotes", () => {
    expect(fileNameFromContentDisposition('attachment; filename="greet-jdoe.txt"')).toBe("greet-jdoe.txt");
    expect(fileNameFromContentDisposition('attachment; filename="say "hi".txt"')).toBe('say "hi".txt');
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''gr%C3%BC%C3%9F.txt")).toBe("grüß.txt");
    expect(fileNameFromContentDisposition("attachment; filename=plain.bin")).toBe("plain.bin");
    expect(fileNameFromContentDisposition("attachment")).toBeUndefined();
    expect(fileNameFromContentDisposition(undefined)).toBeUndefined();
  });

  it("safe relative paths", () => {
    expect(safeSegments("raw/2024/scan.nxs", "name")).toEqual(["raw", "2024", "scan.nxs"]);
    expect(safeSegments("..hidden", "name")).toEqual(["..hidden"]);
    expect(() => safeSegments("a/../b", "name")).toThrow(/'\.\.' segment/);
  });

  it("java.net.URLEncoder and ZipMapper entry names", () => {
    expect(javaUrlEncode("A-z_0.9*")).toBe("A-z_0.9*");
    expect(javaUrlEncode("a b+c/d~é")).toBe("a+b%2Bc%2Fd%7E%C3%A9");
    const dataset = { id: 1, name: "ds 1", investigation: { id: 2, name: "inv", visitId: "1.1-P", facility: { id: 3, name: "ESNF" } } };
    expect(zipEntryName(dataset, { name: "dir/file 1.txt" })).toBe("ids/ESNF/inv/1.1-P/ds+1/dir/file 1.txt");
  });
});
