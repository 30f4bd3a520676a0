// Dataset zips and archive state through the gateway, over a two-level IDS sandbox: status,
// 503 while archived, a restore request, then the zip streamed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdsClient } from "@catkit/ids";
import yauzl from "yauzl";
import { startGatewayWorld, type GatewayWorld } from "./gateway-helpers.ts";

let world: GatewayWorld;
let nbour: string;
let datasetId: number;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${world.server.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${nbour}`, ...(init.headers as Record<string, string> | undefined) } });

beforeAll(async () => {
  world = await startGatewayWorld({}, { twoLevel: true });
  nbour = world.sandbox.icat.login("db/nbour");
  [datasetId] = world.sandbox.icat.engine.search("db/root", "SELECT d.id FROM Dataset d JOIN d.investigation i WHERE i.name = '12100409-ST'") as [number];
  const root = world.sandbox.icat.login();
  for (const name of ["a.txt", "b.txt"]) await world.sandbox.ids.addDatafile({ datasetId, name, content: `content of ${name}\n`, sessionId: root });
});
afterAll(() => world.close());

function zipNames(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: false }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on("entry", (e: yauzl.Entry) => names.push(e.fileName));
      zip.on("end", () => resolve(names));
      zip.on("error", reject);
    });
  });
}

describe("dataset zips and archive state", () => {
  it("reports status, refuses archived data with 503, restores on request, then streams the zip", async () => {
    expect(await (await api(`/datasets/${datasetId}/status`)).json()).toEqual({ status: "ONLINE" });
    const zipped = await api(`/datasets/${datasetId}/zip`);
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get("content-type")).toBe("application/zip");
    const names = await zipNames(Buffer.from(await zipped.arrayBuffer()));
    expect(names.filter((n) => n.endsWith(".txt")).map((n) => n.split("/").at(-1)).sort()).toEqual(["a.txt", "b.txt"]);

    const adminIds = new IdsClient({ url: world.sandbox.idsUrl, credential: world.sandbox.icat.login() });
    await adminIds.archive({ datasetIds: [datasetId] });
    for (let i = 0; i < 100 && (await adminIds.getStatus({ datasetIds: [datasetId] })) !== "ARCHIVED"; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await (await api(`/datasets/${datasetId}/status`)).json()).toEqual({ status: "ARCHIVED" });
    const offline = await api(`/datasets/${datasetId}/zip`);
    expect(offline.status).toBe(503);
    expect(await offline.json()).toMatchObject({ code: expect.stringMatching(/^IDS_/) });

    const restore = await api(`/datasets/${datasetId}/restore`, { method: "POST" });
    expect(restore.status).toBe(202);
    expect(await restore.json()).toEqual({ requested: true });
    let status = "";
    for (let i = 0; i < 200 && status !== "ONLINE"; i++) {
      status = ((await (await api(`/datasets/${datasetId}/status`)).json()) as { status: string }).status;
      if (status !== "ONLINE") await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe("ONLINE");
    const restored = await api(`/datasets/${datasetId}/zip`);
    expect(restored.status).toBe(200);
    expect((await zipNames(Buffer.from(await restored.arrayBuffer()))).length).toBeGreaterThan(1);
    await adminIds.close();
  });
});
