// Downloads through the gateway: a 1 GiB datafile streamed from the IDS sandbox, whole and with
// Range (bytes=a-b, a-, -n; 416 past the end), checked byte for byte against the pattern it was
// made from, with the process's memory staying far below the file size (nothing buffered).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGatewayWorld, type GatewayWorld } from "./gateway-helpers.ts";
import { patternBytes, patternChecker, patternSlice } from "./data-pattern.ts";

const GiB = 1024 ** 3;
let world: GatewayWorld;
let fileId: number;
let nbour: string;
const url = (path: string) => `${world.server.url}/api/v1${path}`;
const auth = () => ({ authorization: `Bearer ${nbour}` });

beforeAll(async () => {
  world = await startGatewayWorld();
  nbour = world.sandbox.icat.login("db/nbour");
  const [datasetId] = world.sandbox.icat.engine.search("db/root", "SELECT d.id FROM Dataset d JOIN d.investigation i WHERE i.name = '12100409-ST'") as number[];
  const df = await world.sandbox.ids.addDatafile({ datasetId: datasetId ?? 0, name: "big.bin", content: patternBytes(GiB), sessionId: world.sandbox.icat.login() });
  fileId = df.id;
}, 300_000);
afterAll(() => world.close());

describe("GET /api/v1/datafiles/{id}/content", () => {
  it("streams 1 GiB whole, without buffering it", async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const res = await fetch(url(`/datafiles/${fileId}/content`), { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(GiB));
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-disposition")).toMatch(/filename="big\.bin"/);
    const check = patternChecker();
    await pipeline(Readable.fromWeb(res.body as ReadableStream), check);
    clearInterval(timer);
    expect(check.bytes).toBe(GiB);
    expect(check.mismatchAt).toBeUndefined();
    expect(peak - before).toBeLessThan(256 * 1024 ** 2);
  }, 300_000);

  it.each([
    ["bytes=500000000-500000099", 500_000_000, 100],
    [`bytes=${GiB - 1000}-`, GiB - 1000, 1000],
    ["bytes=-4096", GiB - 4096, 4096],
    [`bytes=${GiB - 10}-${GiB + 50}`, GiB - 10, 10],
  ])("passes Range %s through as 206 with the right bytes", async (range, start, length) => {
    const res = await fetch(url(`/datafiles/${fileId}/content`), { headers: { ...auth(), range } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${start + length - 1}/${GiB}`);
    expect(res.headers.get("content-length")).toBe(String(length));
    expect(Buffer.from(await res.arrayBuffer()).equals(patternSlice(start, length))).toBe(true);
  });

  it("answers 416 for a range past the end, 403/404 for a caller IDS refuses", async () => {
    const past = await fetch(url(`/datafiles/${fileId}/content`), { headers: { ...auth(), range: `bytes=${GiB}-` } });
    expect(past.status).toBe(416);
    expect(await past.json()).toMatchObject({ code: "RANGE_NOT_SATISFIABLE" });
    const other = await fetch(url(`/datafiles/${fileId}/content`), { headers: { authorization: `Bearer ${world.sandbox.icat.login("db/ahau")}` } });
    expect(other.status).toBe(403);
    const link = await fetch(url(`/datafiles/${fileId}/content?sessionId=${nbour}`), { headers: { range: "bytes=0-9" } });
    expect(link.status).toBe(206);
    expect(Buffer.from(await link.arrayBuffer()).equals(patternSlice(0, 10))).toBe(true);
  });
});
