// Two gateway instances on one PostgreSQL logbook (and one image directory): events posted
// concurrently through either are all seen, in the same order, through both; an image posted
// through one is served by the other; ICAT+ parcels live in the same database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IcatAndIdsSandbox } from "@catkit/icat/testing";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { RunningServer } from "../src/server.ts";
import { startGateway, startSandbox } from "./gateway-helpers.ts";

const { url } = inject("postgres");
let sandbox: IcatAndIdsSandbox;
let a: RunningServer;
let b: RunningServer;
let dir: string;
let nbour: string;
let invId: number;
let pgUrl: string;

beforeAll(async () => {
  const database = `logbook_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), "catkit-pg-logbook-"));
  pgUrl = url.replace(/\/postgres$/, `/${database}`);
  const env = { CATKIT_SERVER__GATEWAY__LOGBOOK: JSON.stringify({ store: "postgres", url: pgUrl, imagesDir: join(dir, "images"), imageThresholdBytes: 1024 }) };
  // Started together: the schema is created once, under an advisory lock.
  [a, b] = await Promise.all([startGateway(sandbox, dir, env), startGateway(sandbox, dir, env)]);
  nbour = sandbox.icat.login("db/nbour");
  [invId] = sandbox.icat.engine.search("db/root", "SELECT i.id FROM Investigation i WHERE i.name = '12100409-ST'") as [number];
});
afterAll(async () => {
  await a.stop();
  await b.stop();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (server: RunningServer, body: unknown) =>
  fetch(`${server.url}/api/v1/logbook/events?investigationId=${invId}`, { method: "POST", headers: { authorization: `Bearer ${nbour}`, "content-type": "application/json" }, body: JSON.stringify(body) });
type Page = { items: { id: string; tags: string[]; body: { content?: { text: string }[] }; image?: { url: string } }[]; hasMore: boolean };
const read = async (server: RunningServer, query = "&limit=1000") =>
  (await (await fetch(`${server.url}/api/v1/logbook/events?investigationId=${invId}${query}`, { headers: { authorization: `Bearer ${nbour}` } })).json()) as Page;

it("shares one PostgreSQL logbook between two instances", async () => {
  const results = await Promise.all(Array.from({ length: 60 }, (_, i) =>
    post(i % 2 ? a : b, { type: "annotation", category: "comment", content: [{ format: "plainText", text: `n${i}` }], tag: [{ name: i % 3 ? "even3" : "div3" }] })));
  expect(results.map((r) => r.status)).toEqual(Array.from({ length: 60 }, () => 201));
  const [viaA, viaB] = await Promise.all([read(a), read(b)]);
  expect(viaA.items).toHaveLength(60);
  expect(viaB.items.map((e) => e.id)).toEqual(viaA.items.map((e) => e.id));
  expect(new Set(viaA.items.map((e) => e.body.content?.[0]?.text)).size).toBe(60);
  expect((await read(b, "&tag=div3")).items).toHaveLength(20);
  const page = await read(a, "&limit=25&offset=50");
  expect(page.items.map((e) => e.id)).toEqual(viaA.items.slice(50).map((e) => e.id));

  const bytes = Buffer.alloc(5000, 3);
  const posted = (await (await post(a, { base64: `data:image/jpeg;base64,${bytes.toString("base64")}` })).json()) as { image: { url: string } };
  const served = await fetch(`${b.url}${posted.image.url}`, { headers: { authorization: `Bearer ${nbour}` } });
  expect(served.headers.get("content-type")).toBe("image/jpeg");
  expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  const health = (await (await fetch(`${b.url}/health`)).json()) as { checks: Record<string, { ok: boolean }> };
  expect(health.checks["logbook (postgres)"]?.ok).toBe(true);
});

it("keeps ICAT+ parcels in the same PostgreSQL database: created through one instance, listed through both", async () => {
  const create = (server: RunningServer, name: string) =>
    fetch(`${server.url}/tracking/${nbour}/parcel?investigationId=${invId}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, content: [{ name: "puck", type: "CONTAINER", content: [] }] }) });
  const created = await Promise.all(Array.from({ length: 10 }, (_, i) => create(i % 2 ? a : b, `dewar-${i}`)));
  expect(created.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
  const list = async (server: RunningServer) => (await (await fetch(`${server.url}/tracking/${nbour}/parcel?investigationId=${invId}`)).json()) as { name: string; _id: string }[];
  const [viaA, viaB] = await Promise.all([list(a), list(b)]);
  expect(viaA.map((p) => p.name).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `dewar-${i}`).sort());
  expect(viaB).toEqual(viaA);
  const { rows } = await (async () => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      return await c.query<{ n: string }>("SELECT count(*) AS n FROM tracking_parcels WHERE investigation_id = $1", [invId]);
    } finally {
      await c.end();
    }
  })();
  expect(Number(rows[0]?.n)).toBe(10);
});
