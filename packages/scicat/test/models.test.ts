import { describe, expect, it } from "vitest";
import { isCatkitError } from "@catkit/core";
import { Dataset, fileSelector, normalizeApiUrl, parseThumbnail, PID, thumbnailBytes, thumbnailToDataUri, v3Filter, v4Filter, formatSourceFolder, type File } from "../src/index.ts";

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return isCatkitError(err) ? err.code : "not a catkit error";
  }
  return "no error";
};

describe("PID", () => {
  it("splits at the first slash and encodes the slash as %2F in one path segment", () => {
    const pid = PID.parse("20.500.12269/abc/def");
    expect([pid.prefix, pid.id, pid.toString(), pid.toPath()]).toEqual(["20.500.12269", "abc/def", "20.500.12269/abc/def", "20.500.12269%2Fabc%2Fdef"]);
    expect(PID.parse("bare").prefix).toBeUndefined();
    expect(PID.generate("p").toString()).toMatch(/^p\/[0-9a-f-]{36}$/);
  });
  it("rejects empty and whitespace PIDs with a typed error", () => {
    expect(code(() => PID.parse(""))).toBe("CATKIT_INVALID_ARGUMENT");
    expect(code(() => PID.parse("pre/"))).toBe("CATKIT_INVALID_ARGUMENT");
    expect(code(() => PID.parse("a b/c"))).toBe("CATKIT_INVALID_ARGUMENT");
    expect(code(() => PID.parse(42 as unknown as string))).toBe("CATKIT_INVALID_ARGUMENT");
  });
});

describe("URL normalisation (scitacean _normalize_api_url)", () => {
  it.each(["https://h.org", "https://h.org/", "https://h.org/api", "https://h.org/api/", "https://h.org/api/v3", "https://h.org/api/v4/"])("%s → https://h.org/api/", (url) => {
    expect(normalizeApiUrl(url)).toBe("https://h.org/api/");
  });
  it("keeps a path prefix and refuses non-http URLs", () => {
    expect(normalizeApiUrl("https://h.org/scicat/api/v3")).toBe("https://h.org/scicat/api/");
    expect(code(() => normalizeApiUrl("ftp://h.org"))).toBe("CATKIT_INVALID_ARGUMENT");
    expect(code(() => normalizeApiUrl("not a url"))).toBe("CATKIT_INVALID_ARGUMENT");
  });
});

describe("filters", () => {
  it("always carry an explicit limit; v4 sorts, v3 orders", () => {
    expect(v4Filter({ where: { a: 1 }, limit: 5, sort: { createdAt: "desc" } })).toEqual({ where: { a: 1 }, limits: { limit: 5, skip: 0, sort: { createdAt: "desc" } } });
    expect(v3Filter({ limit: 5, order: ["creationTime", "asc"], include: ["origdatablocks"] })).toEqual({ limits: { limit: 5, skip: 0, order: "creationTime:asc" }, include: [{ relation: "origdatablocks" }] });
    expect(code(() => v4Filter({ limit: 0 }))).toBe("CATKIT_INVALID_ARGUMENT");
    expect(code(() => v3Filter({ limit: 1.5 }))).toBe("CATKIT_INVALID_ARGUMENT");
  });
});

describe("thumbnails", () => {
  it("round-trip data URIs and accept scitacean's optional prefix and MIME", () => {
    const t = parseThumbnail("data:image/png;base64,aGVsbG8=");
    expect([t.mime, thumbnailBytes(t).toString()]).toEqual(["image/png", "hello"]);
    expect(thumbnailToDataUri(t)).toBe("data:image/png;base64,aGVsbG8=");
    expect(parseThumbnail("aGVsbG8=").mime).toBeUndefined();
    expect(code(() => parseThumbnail("data:image/png;base64,***"))).toBe("CATKIT_INVALID_ARGUMENT");
  });
});

describe("file selection (scitacean select=)", () => {
  const files: File[] = ["a.nxs", "b/c.nxs", "d.txt"].map((remotePath) => ({ remotePath, size: 1 }));
  const pick = (s: Parameters<typeof fileSelector>[0]) => files.filter(fileSelector(s)).map((f) => f.remotePath);
  it("takes booleans, strings, lists, RegExps (search) and predicates", () => {
    expect(pick(true)).toHaveLength(3);
    expect(pick(false)).toEqual([]);
    expect(pick("d.txt")).toEqual(["d.txt"]);
    expect(pick(["a.nxs", "d.txt"])).toEqual(["a.nxs", "d.txt"]);
    expect(pick(/c\.nxs/g)).toEqual(["b/c.nxs"]);
    expect(pick((f) => f.remotePath.startsWith("b/"))).toEqual(["b/c.nxs"]);
  });
});

describe("Dataset", () => {
  const base = { type: "raw" as const, name: "n", owner: "o", ownerGroup: "g", contactEmail: "a@b.org", creationTime: "2026-01-01T00:00:00Z", sourceFolder: "/d" };
  it("uses SciCat names on the wire and never sends server-owned fields", () => {
    const ds = new Dataset({ ...base, meta: { x: 1 }, pid: "p/1", size: 10, numberOfFiles: 2, apiVersion: "4" });
    expect(ds.toUploadModel()).toEqual({ type: "raw", datasetName: "n", owner: "o", ownerGroup: "g", contactEmail: "a@b.org", creationTime: "2026-01-01T00:00:00.000Z", sourceFolder: "/d", scientificMetadata: { x: 1 } });
  });
  it("validates dates and types at construction", () => {
    expect(code(() => new Dataset({ ...base, creationTime: "01/02/2026" }))).toBe("CATKIT_INVALID_ARGUMENT");
    expect(code(() => new Dataset({ ...base, type: "other" as "raw" }))).toBe("CATKIT_INVALID_ARGUMENT");
    expect(new Dataset({ ...base, creationTime: new Date(0) as unknown as string }).fields.creationTime).toBe("1970-01-01T00:00:00.000Z");
  });
  it("derives only from uploaded datasets, and adds files by checksum algorithm", () => {
    expect(code(() => new Dataset(base).derive())).toBe("CATKIT_INVALID_ARGUMENT");
    const two = new Dataset(base).withFiles([{ remotePath: "a", size: 1 }]).with({ checksumAlgorithm: "md5" }).withFiles([{ remotePath: "b", size: 1 }]);
    expect(two.origDatablocks.map((b) => b.checksumAlgorithm)).toEqual(["blake2b", "md5"]);
    expect(new Dataset({ ...base, pid: "p/1", size: 3 }).asNew().fields.pid).toBeUndefined();
  });
  it("formats source-folder patterns, escaping values and refusing missing fields", () => {
    const ds = new Dataset({ ...base, owner: "Ada/../Lovelace", pid: "pre/123" });
    expect(formatSourceFolder("/data/{owner}/{pid.id}", ds)).toBe("/data/Ada_.._Lovelace/123");
    expect(formatSourceFolder("/data/{uid}", ds)).toMatch(/^\/data\/[0-9a-f-]{36}$/);
    expect(code(() => formatSourceFolder("/data/{proposalIds}", ds))).toBe("CATKIT_INVALID_ARGUMENT");
    expect(code(() => formatSourceFolder("data/{owner}", ds))).toBe("CATKIT_INVALID_ARGUMENT");
  });
});
