import { readdir } from "node:fs/promises";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Policy, ProgressEvent } from "@catkit/core";
import { IdsChecksumMismatchError, IdsClient, IdsInsufficientPrivilegesError, IdsNotFoundError } from "../src/index.ts";
import { startFixture, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

describe("put", () => {
  it("streams a Node Readable with given times, name, description and doi; reports progress", async () => {
    const events: ProgressEvent[] = [];
    const result = await f.ids.put(Readable.from([Buffer.from("Hello "), "John!\n"]), {
      name: "from-stream.txt",
      datasetId: f.seed.dataset.id,
      datafileFormatId: f.seed.datafileFormat.id,
      description: "a greeting",
      doi: "10.5286/x",
      createTime: new Date("2020-01-01T00:00:00Z"),
      modTime: 1_600_000_000_000,
      onProgress: (e) => events.push(e),
    });
    expect(result).toMatchObject({ checksum: "bef32c73", crc32: 0xbef32c73, size: 12 });
    const df = f.sandbox.catalogue.datafile(result.id);
    expect(df).toMatchObject({ name: "from-stream.txt", description: "a greeting", doi: "10.5286/x", fileSize: 12, checksum: "bef32c73" });
    expect(df?.datafileCreateTime?.toISOString()).toBe("2020-01-01T00:00:00.000Z");
    expect(df?.datafileModTime?.getTime()).toBe(1_600_000_000_000);
    expect(events.at(-1)).toEqual({ operation: "ids.put", name: "from-stream.txt", bytesDone: 12, bytesTotal: 12, done: true });
    // sent chunked: no length was known
    expect(f.sandbox.requests.at(-1)?.headers["transfer-encoding"]).toBe("chunked");
  });

  it("streams an async iterable with a declared size as Content-Length", async () => {
    async function* chunks() {
      for (let i = 0; i < 4; i++) yield Buffer.alloc(1000, i);
    }
    const result = await f.ids.put(chunks(), { name: "iter.bin", size: 4000, datasetId: f.seed.dataset.id, datafileFormatId: f.seed.datafileFormat.id });
    expect(result.size).toBe(4000);
    expect(f.sandbox.requests.at(-1)?.headers["content-length"]).toBe("4000");
  });

  it("is never retried: a 503 fails the call after one request", async () => {
    const before = f.sandbox.requests.length;
    f.sandbox.faults.respondWith(503, { match: { path: "/ids/put" } });
    await expect(f.ids.put(Readable.from([Buffer.from("x")]), { name: "once.txt", datasetId: f.seed.dataset.id, datafileFormatId: f.seed.datafileFormat.id })).rejects.toMatchObject({
      status: 503,
    });
    expect(f.sandbox.requests.length - before).toBe(1);
  });

  it("detects bytes corrupted on the way: IdsChecksumMismatchError naming the created datafile", async () => {
    // A policy that flips one bit of the body after the client computed its CRC32.
    const corrupt: Policy = {
      name: "corrupt-body",
      phase: "send",
      send: (request, next) => {
        const body = request.body;
        if (body?.kind !== "stream") return next(request);
        const open = body.open;
        async function* flipped() {
          let first = true;
          for await (const chunk of open() as AsyncIterable<Uint8Array>) {
            const copy = Buffer.from(chunk);
            if (first && copy.length > 0) copy[0] = (copy[0] ?? 0) ^ 1;
            first = false;
            yield copy;
          }
        }
        return next({ ...request, body: { ...body, open: () => flipped() } });
      },
    };
    const ids = new IdsClient({ url: f.sandbox.url, credential: f.seed.sessionId, policies: [corrupt] });
    const err = await ids
      .put(Readable.from([Buffer.from("Hello John!\n")]), { name: "corrupt.txt", datasetId: f.seed.dataset.id, datafileFormatId: f.seed.datafileFormat.id })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsChecksumMismatchError);
    const mismatch = err as IdsChecksumMismatchError;
    expect(mismatch.actual).toBe("bef32c73");
    expect(mismatch.expected).not.toBe("bef32c73");
    expect(mismatch.datafileId).toBeGreaterThan(0);
    expect(mismatch.message).toMatch(new RegExp(`delete datafile ${mismatch.datafileId}`));
    await ids.close();
  });

  it("maps ICAT failures as ids.server does: unknown dataset 404, no write access 403", async () => {
    await expect(f.ids.put(Readable.from(["x"]), { name: "x", datasetId: 999_999, datafileFormatId: f.seed.datafileFormat.id })).rejects.toThrow(IdsNotFoundError);
    const reader = new IdsClient({ url: f.sandbox.url, credential: f.sandbox.catalogue.createSession("db/reader", { writable: false }) });
    const stored = async () => (await readdir(f.sandbox.storage.root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
    const before = await stored();
    await expect(reader.put(Readable.from(["x"]), { name: "y", datasetId: f.seed.dataset.id, datafileFormatId: f.seed.datafileFormat.id })).rejects.toThrow(
      IdsInsufficientPrivilegesError,
    );
    // the stored bytes were removed again when registration failed
    expect(f.sandbox.catalogue.datafiles().some((d) => d.name === "y")).toBe(false);
    expect(await stored()).toBe(before);
    await reader.close();
  });
});
