// Bad input is rejected before any request is sent and before any file is written.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthError, InvalidArgumentError } from "@catkit/core";
import { mockTransport } from "@catkit/core/testing";
import { IdsClient } from "../src/index.ts";
import { tempDir } from "./helpers.ts";

const SESSION = "0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6";
const transport = mockTransport(() => ({ status: 500, body: "must not be called" }));
const ids = new IdsClient({ url: "https://ids.example.org/ids", credential: SESSION, transport });
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir.path, "source.txt"), "data");
});
afterAll(() => dir.remove());

async function rejected(call: () => Promise<unknown>, type: new (...args: never[]) => Error, message: RegExp): Promise<void> {
  const before = transport.calls.length;
  const err = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  expect((err as Error).message).toMatch(message);
  expect(transport.calls.length).toBe(before);
}

describe("client-side checks", () => {
  it("rejects preparedIds that are not lowercase UUIDs", async () => {
    await rejected(() => ids.isPrepared("abc"), InvalidArgumentError, /preparedId must be a lowercase UUID.*"abc"/);
    await rejected(() => ids.getData("EB0DD942-7CE9-4EA9-B342-EA326EDD4DFE"), InvalidArgumentError, /lowercase UUID/);
    await rejected(() => ids.getStatus("eb0dd942-7ce9-4ea9-b342"), InvalidArgumentError, /preparedId/);
    await rejected(() => ids.reset("not-a-uuid"), InvalidArgumentError, /preparedId/);
  });

  it("rejects a session id that is not a lowercase UUID without echoing it", async () => {
    const bad = new IdsClient({ url: "https://ids.example.org/ids", credential: "Secret-Session-Token", transport });
    await rejected(() => bad.getSize({ datafileIds: [1] }), InvalidArgumentError, /20-character string that is not a UUID/);
    const err = await bad.archive({ datasetIds: [1] }).catch((e: unknown) => e);
    expect(String((err as Error).message)).not.toContain("Secret-Session-Token");
    const upper = new IdsClient({ url: "https://ids.example.org/ids", credential: SESSION.toUpperCase(), transport });
    await rejected(() => upper.delete({ datafileIds: [1] }), InvalidArgumentError, /uppercase letters/);
  });

  it("rejects non-numeric ids", async () => {
    await rejected(() => ids.getData({ datafileIds: ["12a"] }), InvalidArgumentError, /datafileIds\[0\]/);
    await rejected(() => ids.getLink("x"), InvalidArgumentError, /datafileId must be/);
    await rejected(() => ids.put(join(dir.path, "source.txt"), { datasetId: "seven", datafileFormatId: 1 }), InvalidArgumentError, /datasetId/);
    await rejected(() => ids.put(join(dir.path, "source.txt"), { datasetId: 1, datafileFormatId: -2 }), InvalidArgumentError, /datafileFormatId/);
  });

  it("rejects put without a name (stream source), dataset or format, and bad times", async () => {
    async function* bytes() {
      yield Buffer.from("x");
    }
    await rejected(() => ids.put(bytes(), { datasetId: 1, datafileFormatId: 1 }), InvalidArgumentError, /name is required/);
    await rejected(() => ids.put(bytes(), { name: "", datasetId: 1, datafileFormatId: 1 }), InvalidArgumentError, /name is required/);
    await rejected(() => ids.put(bytes(), { name: "a" } as never), InvalidArgumentError, /datasetId/);
    await rejected(() => ids.put(bytes(), { name: "a", datasetId: 1 } as never), InvalidArgumentError, /datafileFormatId/);
    await rejected(() => ids.put(bytes(), { name: "a", datasetId: 1, datafileFormatId: 1, modTime: Number.NaN }), InvalidArgumentError, /modTime/);
    await rejected(() => ids.put(join(dir.path, "missing.txt"), { datasetId: 1, datafileFormatId: 1 }), InvalidArgumentError, /cannot read/);
    await rejected(() => ids.put(dir.path, { datasetId: 1, datafileFormatId: 1 }), InvalidArgumentError, /not a regular file/);
  });

  it("rejects a negative or fractional offset", async () => {
    await rejected(() => ids.getData({ datafileIds: [1] }, { offset: -1 }), InvalidArgumentError, /offset must be a non-negative integer/);
    await rejected(() => ids.getData({ datafileIds: [1] }, { offset: 1.5 }), InvalidArgumentError, /offset/);
  });

  it("rejects bad download arguments and traversal names with no file written", async () => {
    const out = await tempDir();
    await rejected(() => ids.download({ datafileIds: [1] }, join(out.path, "x"), { checksum: "not-hex" }), InvalidArgumentError, /CRC32/);
    await rejected(() => ids.download({ datafileIds: [1] }, join(out.path, "x"), { expectedSize: -5 }), InvalidArgumentError, /expectedSize/);
    // A missing parent is created for the download and removed again when it fails (issue 7 item 7).
    await expect(ids.download({ datafileIds: [1] }, join(out.path, "no", "such", "dir", "x"))).rejects.toThrow();
    await writeFile(join(out.path, "exists"), "keep");
    await rejected(() => ids.download({ datafileIds: [1] }, join(out.path, "exists"), { overwrite: false }), InvalidArgumentError, /exists and overwrite is false/);
    for (const name of ["../escape.txt", "/etc/passwd", "a/../../b", "C:evil", "a\\b", "a//b", "./a", "a/", "nul\0byte"]) {
      await rejected(() => ids.downloadMany([{ id: 1, name }], out.path), InvalidArgumentError, /is not a safe relative path/);
    }
    await rejected(
      () => ids.downloadMany([{ id: 1, name: "same" }, { id: 2, name: "same" }], out.path),
      InvalidArgumentError,
      /would both be written/,
    );
    await rejected(() => ids.downloadMany([{ id: "x1", name: "ok" }], out.path), InvalidArgumentError, /datafiles\[0\]\.id/);
    await rejected(() => ids.downloadMany([{ id: 1, name: "ok" }], out.path, { concurrency: 0 }), InvalidArgumentError, /concurrency/);
    expect(await out.list()).toEqual(["exists"]);
    await out.remove();
  });

  it("needs a credential for calls that take a session, but not for the others", async () => {
    const anonymous = new IdsClient({ url: "https://ids.example.org/ids", transport: mockTransport(() => ({ status: 200, body: "IdsOK" })) });
    await expect(anonymous.ping()).resolves.toBeUndefined();
    await expect(anonymous.archive({ datasetIds: [1] })).rejects.toThrow(AuthError);
    await expect(anonymous.archive({ datasetIds: [1] })).rejects.toThrow(/needs an ICAT session/);
  });

  it("rejects a bad url and maxUrlLength", () => {
    expect(() => new IdsClient({ url: "ftp://x" })).toThrow(InvalidArgumentError);
    expect(() => new IdsClient({ url: "https://x/ids", maxUrlLength: 10 })).toThrow(/maxUrlLength/);
  });
});
