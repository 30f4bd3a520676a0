// ICAT+ sample tracking through the gateway, beyond the shared contract: parcels are read and
// written with the caller's ICAT session (a user who cannot read the investigation gets 404, an
// unknown session 403), and they outlive the gateway in the logbook's SQLite file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startGateway, startSandbox } from "./gateway-helpers.ts";

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let dir: string;
let invId: number;
beforeAll(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), "catkit-tracking-"));
  [invId] = sandbox.icat.engine.search("db/root", "SELECT i.id FROM Investigation i WHERE i.name = '12100409-ST'") as [number];
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

it("keeps parcels to the investigation's readers, and in the logbook's database across restarts", async () => {
  const nbour = sandbox.icat.login("db/nbour");
  const ahau = sandbox.icat.login("db/ahau");
  const url = (server: { url: string }, session: string) => `${server.url}/tracking/${session}/parcel?investigationId=${invId}`;
  const create = (server: { url: string }, session: string) => fetch(url(server, session), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "dewar" }) });

  let server = await startGateway(sandbox, dir);
  const created = (await (await create(server, nbour)).json()) as { _id: string };
  expect((await create(server, ahau)).status).toBe(404);
  expect((await fetch(url(server, ahau))).status).toBe(404);
  expect((await fetch(url(server, "00000000-0000-4000-8000-000000000000"))).status).toBe(403);
  await server.stop();

  server = await startGateway(sandbox, dir);
  const listed = (await (await fetch(url(server, nbour))).json()) as { _id: string }[];
  expect(listed.map((p) => p._id)).toEqual([created._id]);
  await server.stop();
});
