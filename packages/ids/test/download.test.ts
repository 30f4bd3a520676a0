import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AbortError, NetworkError, type CatkitRequest, type ProgressEvent, type Transport } from "@catkit/core";
import { IdsChecksumMismatchError, IdsClient, IdsResumeLimitError, IdsSizeMismatchError } from "../src/index.ts";
import { startFixture, tempDir, unzip, type Fixture } from "./helpers.ts";

let f: Fixture;
let dir: Awaited<ReturnType<typeof tempDir>>;
let big: { id: number; content: Buffer; checksum: string };

beforeAll(async () => {
  f = await startFixture({}, { retry: { initialDelayMs: 5, maxDelayMs: 20 } });
  const content = randomBytes(4 * 1024 * 1024);
  const stored = await f.sandbox.addDatafile({ datasetId: f.seed.dataset.id, name: "big.bin", content });
  big = { id: stored.id, content, checksum: stored.checksum };
  dir = await tempDir();
});
afterAll(async () => {
  await f.close();
  await dir.remove();
});
afterEach(() => f.sandbox.faults.clear());

const getDataRequests = () => f.sandbox.requests.filter((r) => r.url.includes("/getData"));

describe("download", () => {
  it("resumes a dropped single-file download with Range and verifies ICAT's CRC32", async () => {
    const before = getDataRequests().length;
    f.sandbox.faults.dropConnectionAfter(1_000_000, { match: { path: "/ids/getData" }, times: 2 });
    const events: ProgressEvent[] = [];
    const result = await f.ids.download({ datafileIds: [big.id] }, join(dir.path, "big.bin"), { checksum: big.checksum, onProgress: (e) => events.push(e) });
    expect(result).toMatchObject({ size: big.content.length, checksum: big.checksum, resumes: 2, restarts: 0, zip: false, fileName: "big.bin" });
    expect((await readFile(result.path)).equals(big.content)).toBe(true);
    const ranges = getDataRequests().slice(before).map((r) => r.headers.range);
    expect(ranges[0]).toBeUndefined();
    expect(Number(ranges[1]?.match(/^bytes=(\d+)-$/)?.[1])).toBeGreaterThan(0);
    expect(Number(ranges[2]?.match(/^bytes=(\d+)-$/)?.[1])).toBeGreaterThan(Number(ranges[1]?.match(/\d+/)?.[0]));
    expect(events.at(-1)).toMatchObject({ operation: "ids.download", bytesDone: big.content.length, bytesTotal: big.content.length, done: true });
    expect(events.filter((e) => !e.done).every((e) => e.bytesTotal === big.content.length)).toBe(true);
    expect(await dir.list()).toEqual(["big.bin"]);
  });

  it("gives up after maxResumes and leaves nothing behind", async () => {
    f.sandbox.faults.dropConnectionAfter(100_000, { match: { path: "/ids/getData" }, times: 3 });
    const out = await tempDir();
    const err = await f.ids.download({ datafileIds: [big.id] }, join(out.path, "x.bin"), { maxResumes: 2 }).catch((e: unknown) => e);
    // issue 7 item 9: it says that it gave up after N resumes and how much had arrived.
    expect(err).toBeInstanceOf(IdsResumeLimitError);
    const e = err as IdsResumeLimitError;
    expect(e).toMatchObject({ code: "IDS_RESUME_LIMIT", resumes: 2, bytesExpected: big.content.length });
    expect(e.bytesReceived).toBeGreaterThanOrEqual(100_000);
    expect(e.message).toContain("maxResumes is 2");
    expect(e.message).toContain(`${e.bytesReceived} of ${big.content.length} bytes had arrived`);
    expect(e.cause).toBeInstanceOf(NetworkError);
    expect(await out.list()).toEqual([]);
    await out.remove();
  });

  it("rejects a file whose CRC32 differs from the expected one, keeping no file", async () => {
    const out = await tempDir();
    const err = await f.ids.download({ datafileIds: [big.id] }, join(out.path, "x.bin"), { checksum: "1234abcd" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsChecksumMismatchError);
    expect(err).toMatchObject({ actual: big.checksum, expected: "1234abcd" });
    expect(await out.list()).toEqual([]);
    await out.remove();
  });

  it("rejects a size that differs from the expected one", async () => {
    await expect(f.ids.download({ datafileIds: [big.id] }, join(dir.path, "y.bin"), { expectedSize: 10 })).rejects.toThrow(IdsSizeMismatchError);
  });

  it("aborts mid-download without leaving a partial destination or temporary file", async () => {
    const out = await tempDir();
    const controller = new AbortController();
    f.sandbox.faults.delay(0);
    const err = await f.ids
      .download({ datafileIds: [big.id] }, join(out.path, "aborted.bin"), {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.bytesDone > 0) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(await out.list()).toEqual([]);
    await out.remove();
  });

  it("restarts a dropped zip from byte 0 (IDS rebuilds zips), and resumes it when the zip is known stable", async () => {
    const before = getDataRequests().length;
    f.sandbox.faults.dropConnectionAfter(200, { match: { path: "/ids/getData" } });
    const result = await f.ids.download({ datasetIds: [f.seed.dataset.id] }, join(dir.path, "ds.zip"));
    expect(result).toMatchObject({ zip: true, resumes: 0, restarts: 1 });
    expect(getDataRequests().slice(before).map((r) => r.headers.range)).toEqual([undefined, undefined]);
    expect((await unzip(await readFile(result.path))).size).toBe(4);

    const stable = await startFixture({ stableZips: true });
    const zipRequests = () => stable.sandbox.requests.filter((r) => r.url.includes("/getData"));
    const whole = await stable.ids.download({ datasetIds: [stable.seed.dataset.id] }, join(dir.path, "stable-1.zip"));
    stable.sandbox.faults.dropConnectionAfter(200, { match: { path: "/ids/getData" } });
    const resumed = await stable.ids.download({ datasetIds: [stable.seed.dataset.id] }, join(dir.path, "stable-2.zip"), { resumeZip: true });
    expect(resumed).toMatchObject({ zip: true, resumes: 1, restarts: 0, checksum: whole.checksum });
    expect(zipRequests().at(-1)?.headers.range).toBe("bytes=200-");
    await stable.close();
  });

  it("resumes a prepared single file after asking IDS whether it is a zip", async () => {
    const preparedId = await f.ids.prepareData({ datafileIds: [big.id] });
    f.sandbox.faults.dropConnectionAfter(500_000, { match: { path: "/ids/getData" } });
    const result = await f.ids.download(preparedId, join(dir.path, "prepared.bin"), { checksum: big.checksum });
    expect(result).toMatchObject({ resumes: 1, restarts: 0, preparedId });
    expect(f.sandbox.requests.some((r) => r.url.includes(`getDatafileIds?preparedId=${preparedId}`))).toBe(true);
  });

  it("names the file from Content-Disposition when the destination is a directory", async () => {
    const out = await tempDir();
    const result = await f.ids.download({ datafileIds: [f.files[2]?.id ?? 0] }, out.path);
    expect(result.path).toBe(join(out.path, "greet-rbeck.txt"));
    expect(await readFile(result.path, "utf8")).toBe("Hello Rudolph!\n");
    await out.remove();
  });

  it("replaces an existing file atomically", async () => {
    const path = join(dir.path, "replace.txt");
    await writeFile(path, "old content that is longer than the new one");
    await f.ids.download({ datafileIds: [f.files[0]?.id ?? 0] }, path, { sync: true });
    expect(await readFile(path, "utf8")).toBe("Hello John!\n");
  });
});

describe("download against a server that ignores Range", () => {
  it("starts over when a resumed request is answered 200 instead of 206", async () => {
    const content = Buffer.from("0123456789abcdef");
    const calls: CatkitRequest[] = [];
    const transport: Transport = {
      send: (request) => {
        calls.push(request);
        const first = calls.length === 1;
        const body = new Readable({ read() {} });
        // first answer: 6 bytes, then the connection breaks; second: the whole file with 200
        body.push(first ? content.subarray(0, 6) : content);
        if (first) setImmediate(() => body.destroy(new NetworkError("socket closed", { errno: "UND_ERR_SOCKET" })));
        else body.push(null);
        return Promise.resolve({ status: 200, headers: { "content-length": String(content.length) }, body, request });
      },
      close: () => Promise.resolve(),
    };
    const ids = new IdsClient({ url: "https://ids.example.org/ids", credential: "0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6", transport });
    const out = await tempDir();
    const result = await ids.download({ datafileIds: [1] }, join(out.path, "x"), { checksum: crc32(content) });
    expect(result).toMatchObject({ size: 16, resumes: 1, restarts: 1 });
    expect(await readFile(result.path, "utf8")).toBe("0123456789abcdef");
    expect(calls.map((c) => c.headers?.range)).toEqual([undefined, "bytes=6-"]);
    await out.remove();
  });
});
