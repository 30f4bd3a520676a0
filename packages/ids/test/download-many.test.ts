import { randomBytes } from "node:crypto";
import { readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, InvalidArgumentError, type Policy, type ProgressEvent } from "@catkit/core";
import { IdsChecksumMismatchError, IdsClient, IdsNotFoundError, type DatafileRef } from "../src/index.ts";
import { startFixture, tempDir, type Fixture } from "./helpers.ts";

let f: Fixture;
let datafiles: (DatafileRef & { content: Buffer })[];

beforeAll(async () => {
  f = await startFixture();
  datafiles = [];
  for (let i = 0; i < 20; i++) {
    const content = randomBytes(10_000 + i * 1000);
    const name = i % 2 === 0 ? `raw/scan-${i}.bin` : `scan-${i}.bin`;
    const stored = await f.sandbox.addDatafile({ datasetId: f.seed.dataset.id, name, content });
    // as ICAT returns them: id, name, fileSize, checksum
    datafiles.push({ id: stored.id, name, fileSize: stored.size, checksum: stored.checksum, content });
  }
});
afterAll(() => f.close());

describe("downloadMany", () => {
  it("fetches datafiles into the directory, names with '/' as subdirectories, progress over all", async () => {
    const out = await tempDir();
    const events: ProgressEvent[] = [];
    const results = await f.ids.downloadMany(datafiles, out.path, { onProgress: (e) => events.push(e) });
    expect(results.map((r) => r.datafile.id)).toEqual(datafiles.map((d) => d.id));
    for (const [i, r] of results.entries()) {
      expect(r.error).toBeUndefined();
      expect(r.path).toBe(join(out.path, datafiles[i]?.name ?? ""));
      expect((await readFile(r.path)).equals(datafiles[i]?.content ?? Buffer.alloc(0))).toBe(true);
    }
    const total = datafiles.reduce((n, d) => n + (d.fileSize ?? 0), 0);
    expect(events.at(-1)).toEqual({ operation: "ids.downloadMany", bytesDone: total, bytesTotal: total, itemsDone: 20, itemsTotal: 20, done: true });
    expect((await out.list()).filter((n) => n.endsWith(".part"))).toEqual([]);
    await out.remove();
  });

  it("keeps exactly `concurrency` downloads in flight", async () => {
    let active = 0;
    let peak = 0;
    // Counts requests between sending and the end of their response body.
    const counter: Policy = {
      name: "count-in-flight",
      phase: "send",
      async send(request, next) {
        if (!request.url.endsWith("/getData")) return next(request);
        active++;
        peak = Math.max(peak, active);
        const response = await next(request);
        response.body.once("close", () => active--);
        return response;
      },
    };
    const ids = new IdsClient({ url: f.sandbox.url, credential: f.seed.sessionId, policies: [counter] });
    const out = await tempDir();
    f.sandbox.faults.delay(20, { times: 12, match: { path: "/ids/getData" } });
    const results = await ids.downloadMany(datafiles.slice(0, 12), out.path, { concurrency: 4, pathOf: (df) => `flat-${String(df.id)}` });
    expect(peak).toBe(4);
    expect(active).toBe(0);
    expect(results.every((r) => r.path.includes("flat-") && r.error === undefined)).toBe(true);
    await ids.close();
    await out.remove();
  });

  it("verifies ICAT's checksum: a corrupted stored file fails and is not kept; others are unaffected with continueOnError", async () => {
    const out = await tempDir();
    const victim = datafiles[3] as DatafileRef & { content: Buffer };
    const stored = f.sandbox.catalogue.datafile(Number(victim.id));
    const path = f.sandbox.storage.pathOf(stored?.location ?? "");
    const original = await readFile(path);
    const corrupted = Buffer.from(original);
    corrupted[0] = (corrupted[0] ?? 0) ^ 0xff;
    await writeFile(path, corrupted);
    const results = await f.ids.downloadMany(datafiles.slice(0, 6), out.path, { continueOnError: true });
    expect(results[3]?.error).toBeInstanceOf(IdsChecksumMismatchError);
    expect(results.filter((r) => r.error === undefined)).toHaveLength(5);
    expect((await out.list()).some((n) => n.includes(victim.name.split("/").at(-1) ?? "?"))).toBe(false);
    // fail-fast (the default) rejects with the first error
    const again = await tempDir();
    await expect(f.ids.downloadMany(datafiles.slice(0, 6), again.path)).rejects.toThrow(IdsChecksumMismatchError);
    await again.remove();
    await writeFile(path, original);
    await out.remove();
  });

  it("reports IDS errors per file", async () => {
    const out = await tempDir();
    await expect(f.ids.downloadMany([{ id: 987654, name: "missing.bin" }], out.path)).rejects.toThrow(IdsNotFoundError);
    expect(await out.list()).toEqual([]);
    await out.remove();
  });

  it("never writes through a symlink that leaves the directory", async () => {
    const out = await tempDir();
    const outside = await tempDir();
    await symlink(outside.path, join(out.path, "raw"));
    const err = await f.ids.downloadMany([datafiles[0] as DatafileRef], out.path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as Error).message).toMatch(/through a link that leaves/);
    expect(await outside.list()).toEqual([]);
    await out.remove();
    await outside.remove();
  });

  it("stops on abort and leaves no temporary files", async () => {
    const out = await tempDir();
    const controller = new AbortController();
    f.sandbox.faults.delay(200, { times: 20, match: { path: "/ids/getData" } });
    setTimeout(() => controller.abort(), 50);
    await expect(f.ids.downloadMany(datafiles, out.path, { signal: controller.signal })).rejects.toThrow(AbortError);
    expect((await out.list()).filter((n) => n.endsWith(".part"))).toEqual([]);
    f.sandbox.faults.clear();
    await out.remove();
  });
});
