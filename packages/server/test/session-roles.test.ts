// isAdministrator and isInstrumentScientist in ICAT+'s session answers, derived from the ICAT
// sandbox: InstrumentScientist rows (db/acord is EDDI's), administrators by ICAT user name
// (gateway.administrators.userNames) or by an ICAT grouping (…groups), read with the service
// account; without one, with the caller's session, so rows it may not read count for nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IcatClient } from "@catkit/icat";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, startSandbox } from "./gateway-helpers.ts";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), "catkit-roles-"));
  // An "admin" grouping with db/jdoe in it.
  const root = new IcatClient({ url: sandbox.icatUrl });
  await root.login("db", { username: "root", password: "secret" });
  const [jdoe] = (await root.search("SELECT u.id FROM User u WHERE u.name = 'db/jdoe'")) as [number];
  const grouping = await root.create("Grouping", { name: "admin" });
  await root.create("UserGroup", { grouping: { id: grouping }, user: { id: jdoe } });
  await root.logout();
  await root.close();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADMINS = JSON.stringify({ userNames: ["db/root"], groups: ["admin"] });

async function rolesOf(url: string, username: string) {
  const login = await fetch(`${url}/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ plugin: "esrf", username, password: "secret" }) });
  expect(login.status).toBe(200);
  const session = (await login.json()) as { sessionId: string; isAdministrator: boolean; isInstrumentScientist: boolean; fullName: string };
  const info = (await (await fetch(`${url}/session/${session.sessionId}`)).json()) as { user: { isAdministrator: string; isInstrumentScientist: string } };
  return { login: [session.isAdministrator, session.isInstrumentScientist], info: [info.user.isAdministrator, info.user.isInstrumentScientist], fullName: session.fullName };
}

describe("ICAT+ session roles", () => {
  it("with the service account: scientists from InstrumentScientist rows, administrators by name and by grouping", async () => {
    const server = await startGateway(sandbox, mkdtempSync(join(dir, "a-")), {
      CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
      CATKIT_SERVER__GATEWAY__ADMINISTRATORS: ADMINS,
    });
    try {
      expect(await rolesOf(server.url, "acord")).toEqual({ login: [false, true], info: ["false", "true"], fullName: "Aelius Cordus" });
      expect(await rolesOf(server.url, "jdoe")).toEqual({ login: [true, false], info: ["true", "false"], fullName: "John Doe" });
      expect(await rolesOf(server.url, "root")).toMatchObject({ login: [true, false], info: ["true", "false"] });
      expect(await rolesOf(server.url, "nbour")).toMatchObject({ login: [false, false], info: ["false", "false"] });
    } finally {
      await server.stop();
    }
  });

  it("without a service account: read with the caller's session, whose rules decide", async () => {
    const server = await startGateway(sandbox, mkdtempSync(join(dir, "b-")), { CATKIT_SERVER__GATEWAY__ADMINISTRATORS: ADMINS });
    try {
      // The sandbox's rules (like most ICATs') let a user read the InstrumentScientist rows
      // naming them, but not UserGroup rows: jdoe's grouping is not visible to jdoe.
      expect((await rolesOf(server.url, "acord")).login).toEqual([false, true]);
      expect((await rolesOf(server.url, "jdoe")).login).toEqual([false, false]);
      expect((await rolesOf(server.url, "root")).login).toEqual([true, false]);
    } finally {
      await server.stop();
    }
  });
});
