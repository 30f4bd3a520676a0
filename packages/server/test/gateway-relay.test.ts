// How the gateway relays IDS bodies (relay-body.ts): a dataset zip resumed at an offset answers as
// ids.server does (checked side by side with the IDS sandbox), a stop drains a download in
// flight to its last byte, a caller that goes away frees the download, and HEAD sends no body.
import { get, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patternBytes, patternChecker } from "./data-pattern.ts";
import { startGatewayWorld, type GatewayWorld } from "./gateway-helpers.ts";

const MiB = 1024 ** 2;
let world: GatewayWorld;
let nbour: string;
let datasetId: number;
let bigId: number;
const SIZE = 96 * MiB;

beforeAll(async () => {
  world = await startGatewayWorld({}, { stableZips: true });
  nbour = world.sandbox.icat.login("db/nbour");
  [datasetId] = world.sandbox.icat.engine.search("db/root", "SELECT d.id FROM Dataset d JOIN d.investigation i WHERE i.name = '12100409-ST'") as [number];
  const root = world.sandbox.icat.login();
  for (const name of ["a.txt", "b.txt"]) await world.sandbox.ids.addDatafile({ datasetId, name, content: `content of ${name}\n`.repeat(50), sessionId: root });
  bigId = (await world.sandbox.ids.addDatafile({ datasetId, name: "big.bin", content: patternBytes(SIZE), sessionId: root })).id;
}, 120_000);
afterAll(() => world.close());

/** A GET whose body the test reads at its own pace. */
function open(url: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get(url, { headers: { authorization: `Bearer ${nbour}`, ...headers } }, resolve).once("error", reject));
}

describe("dataset zips with Range, as IDS answers them", () => {
  it("passes bytes=N- through: 206 without Content-Range, the zip from N on; other ranges give the whole zip", async () => {
    // The zip has the small files and the 96 MiB one; take the ranges near its start.
    const zipUrl = `${world.server.url}/api/v1/datasets/${datasetId}/zip`;
    const idsUrl = `${world.sandbox.idsUrl}/getData?sessionId=${nbour}&datasetIds=${datasetId}&zip=true&outname=dataset-${datasetId}`;
    const first = async (url: string, range: string | undefined, bytes: number) => {
      const res = await open(url, range ? { range } : {});
      const parts: Buffer[] = [];
      let got = 0;
      for await (const c of res) {
        parts.push(c as Buffer);
        got += (c as Buffer).length;
        if (got >= bytes) break;
      }
      res.destroy();
      return { status: res.statusCode, contentRange: res.headers["content-range"], length: res.headers["content-length"], head: Buffer.concat(parts).subarray(0, bytes) };
    };
    const whole = await first(zipUrl, undefined, 4096);
    expect(whole.status).toBe(200);
    for (const offset of [1, 1000]) {
      const [gateway, ids] = [await first(zipUrl, `bytes=${offset}-`, 1024), await first(idsUrl, `bytes=${offset}-`, 1024)];
      expect(gateway).toMatchObject({ status: 206, contentRange: undefined, length: undefined });
      expect(ids).toMatchObject({ status: 206, contentRange: undefined, length: undefined });
      expect(gateway.head.equals(whole.head.subarray(offset, offset + 1024))).toBe(true);
      expect(gateway.head.equals(ids.head)).toBe(true);
    }
    // IDS refuses any other form (400); the gateway ignores it and sends the whole zip (RFC 9110).
    expect((await first(idsUrl, "bytes=0-99", 1)).status).toBe(400);
    const other = await first(zipUrl, "bytes=0-99", 4096);
    expect(other.status).toBe(200);
    expect(other.head.equals(whole.head)).toBe(true);
  });
});

describe("the relay", () => {
  const content = () => `${world.server.url}/api/v1/datafiles/${bigId}/content`;
  const active = async () => (await world.server.metrics.downloadsActive.get()).values[0]?.value ?? 0;

  it("answers HEAD with the headers and no body", async () => {
    const res = await fetch(content(), { method: "HEAD", headers: { authorization: `Bearer ${nbour}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(SIZE));
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it("frees a download whose caller went away, and serves the next one whole", async () => {
    const res = await open(content());
    for await (const _ of res) break;
    res.destroy();
    for (let i = 0; i < 200 && (await active()) > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await active()).toBe(0);
    const again = await open(content());
    const check = patternChecker();
    for await (const c of again) check.write(c as Buffer);
    expect(check.bytes).toBe(SIZE);
    expect(check.mismatchAt).toBeUndefined();
  });

  it("drains a download in flight on stop: the caller gets every byte, new requests are refused", async () => {
    const res = await open(content());
    res.pause();
    await new Promise((r) => setTimeout(r, 100));
    const stopping = world.server.stop();
    await new Promise((r) => setTimeout(r, 50));
    const late = await fetch(`${world.server.url}/api/v1/investigations`, { headers: { authorization: `Bearer ${nbour}` } }).then((r) => r.status, () => "refused");
    expect([503, "refused"]).toContain(late);
    const check = patternChecker();
    for await (const c of res) check.write(c as Buffer);
    expect(check.bytes).toBe(SIZE);
    expect(check.mismatchAt).toBeUndefined();
    await stopping;
  }, 60_000);
});
