// The sandbox's entityManager on the wire: search, get, write and delete answers, error bodies and
// statuses as icat.server sends them (icat-ids.md §1.4-§1.6).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FixtureError, startIcatSandbox, tutorialFixture, type IcatSandbox } from "../../src/testing/index.ts";

let sandbox: IcatSandbox;
let root: string;
let nbour: string;
beforeAll(async () => {
  sandbox = await startIcatSandbox({ fixture: tutorialFixture, maxEntities: 20 });
  root = sandbox.login("db/root");
  nbour = sandbox.login("db/nbour");
});
afterAll(() => sandbox.close());

const get = async (params: Record<string, string>) => {
  const res = await fetch(`${sandbox.url}/entityManager?${new URLSearchParams(params).toString()}`);
  return { status: res.status, body: (await res.json()) };
};
const post = async (fields: Record<string, string>) => {
  const res = await fetch(`${sandbox.url}/entityManager`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: (await res.json()) };
};
const del = async (params: Record<string, string>) => {
  const res = await fetch(`${sandbox.url}/entityManager?${new URLSearchParams(params).toString()}`, { method: "DELETE" });
  const text = await res.text();
  return { status: res.status, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
};

describe("search and get", () => {
  it("renders entities wrapped by type, meta fields first, nulls left out, one-to-many as [] unless included, relations unwrapped", async () => {
    const { status, body } = await get({ sessionId: root, query: "SELECT f FROM Facility f INCLUDE f.investigationTypes" });
    expect(status).toBe(200);
    const [row] = body as [{ Facility: Record<string, unknown> }];
    const facility = row.Facility;
    expect(Object.keys(facility).slice(0, 5)).toEqual(["id", "createId", "createTime", "modId", "modTime"]);
    expect(facility.createTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(facility.investigations).toEqual([]);
    expect((facility.investigationTypes as { name: string }[]).map((t) => t.name).sort()).toEqual(["Calibration", "Experiment"]);
    const { body: files } = await get({ sessionId: root, query: "SELECT df FROM Datafile df WHERE df.name = 'e201215.log' INCLUDE df.dataset" });
    const df = (files as [{ Datafile: Record<string, unknown> }])[0].Datafile;
    expect(df).not.toHaveProperty("location");
    expect(df).not.toHaveProperty("datafileFormat");
    expect((df.dataset as Record<string, unknown>).name).toBe("e201215");
    expect(df.dataset).not.toHaveProperty("Dataset");
  });

  it("answers rows of several items as arrays and aggregates as bare values", async () => {
    expect((await get({ sessionId: root, query: "SELECT d.name, d.complete FROM Dataset d ORDER BY d.name" })).body).toEqual([
      ["e201215", true],
      ["e201216", false],
      ["e208339", false],
    ]);
    expect((await get({ sessionId: root, query: "SELECT COUNT(d) FROM Dataset d" })).body).toEqual([3]);
    expect((await get({ sessionId: nbour, query: "SELECT COUNT(d) FROM Dataset d" })).body).toEqual([2]);
  });

  it("gets one object by id, unwrapped of the array, and says which id is missing", async () => {
    const [id] = (await get({ sessionId: root, query: "SELECT d.id FROM Dataset d WHERE d.name = 'e201215'" })).body as [number];
    const single = await get({ sessionId: root, query: "Dataset INCLUDE 1", id: String(id) });
    expect(single.status).toBe(200);
    expect((single.body as { Dataset: { type: { name: string } } }).Dataset.type.name).toBe("raw");
    expect(await get({ sessionId: root, query: "Dataset", id: "999999" })).toEqual({
      status: 404,
      body: { code: "NO_SUCH_OBJECT_FOUND", message: "Dataset[id:999999] not found." },
    });
    // JAX-RS cannot convert `id` to a Long: NotFoundException, mapped to 501.
    expect((await get({ sessionId: root, query: "Dataset", id: "seven" })).status).toBe(501);
  });

  it("checks the query before the session, then the session", async () => {
    expect(await get({ sessionId: "" })).toEqual({ status: 400, body: { code: "BAD_PARAMETER", message: "query is not set" } });
    expect(await get({ query: "Dataset" })).toEqual({ status: 403, body: { code: "SESSION", message: "Session Id cannot be null or empty." } });
    expect(await get({ sessionId: "nope", query: "Dataset" })).toEqual({ status: 403, body: { code: "SESSION", message: "Unable to find user by sessionid: nope" } });
  });

  it("enforces maxEntities with VALIDATION (412)", async () => {
    const { status, body } = await get({ sessionId: root, query: "SELECT t FROM ParameterType t INCLUDE t.facility, t.permissibleStringValues" });
    expect(status).toBe(200);
    expect(body).toHaveLength(5);
    const tooMany = await get({ sessionId: root, query: "SELECT u FROM User u, DatasetType t, InvestigationType it" });
    expect(tooMany.status).toBe(412);
    expect(tooMany.body).toEqual({ code: "VALIDATION", message: "attempt to process more than 20 entities" });
  });

  it("reports a query it cannot parse as BAD_PARAMETER (400) and refused reads as INSUFFICIENT_PRIVILEGES (403)", async () => {
    const bad = await get({ sessionId: root, query: "SELECT d FROM Dataset d WHERE" });
    expect(bad.status).toBe(400);
    expect((bad.body as { code: string }).code).toBe("BAD_PARAMETER");
    const [inv2] = (await get({ sessionId: root, query: "SELECT i.id FROM Investigation i WHERE i.name = '10100601-ST'" })).body as [number];
    const refused = await get({ sessionId: nbour, query: "Investigation", id: String(inv2) });
    expect(refused.status).toBe(403);
    expect((refused.body as { code: string }).code).toBe("INSUFFICIENT_PRIVILEGES");
  });
});

describe("write and delete", () => {
  it("creates in one transaction, answers created ids, reports the failing element's offset and keeps nothing", async () => {
    const before = (await get({ sessionId: root, query: "SELECT COUNT(f) FROM Facility f" })).body;
    const ok = await post({ sessionId: root, entities: JSON.stringify([{ Facility: { name: "F1" } }, { Facility: { name: "F2" } }]) });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual([expect.any(Number), expect.any(Number)]);
    const clash = await post({ sessionId: root, entities: JSON.stringify([{ Facility: { name: "F3" } }, { Facility: { name: "F1" } }]) });
    expect(clash.status).toBe(412);
    expect(clash.body).toMatchObject({ code: "OBJECT_ALREADY_EXISTS", offset: 1 });
    const after = (await get({ sessionId: root, query: "SELECT COUNT(f) FROM Facility f" })).body as [number];
    expect(after[0]).toBe((before as [number])[0] + 2);
    const [id] = ok.body as [number, number];
    expect(await post({ sessionId: root, entities: JSON.stringify({ Facility: { id, fullName: "Facility One" } }) })).toEqual({ status: 200, body: [] });
  });

  it("checks the session, then the entities field", async () => {
    expect(await post({ entities: "[]" })).toEqual({ status: 403, body: { code: "SESSION", message: "Session Id cannot be null or empty." } });
    expect(await post({ sessionId: root })).toEqual({ status: 400, body: { code: "BAD_PARAMETER", message: "entities is not set" } });
  });

  it("deletes with 204 and no body, reads the JSON before the session, and only ids are allowed", async () => {
    const [id] = (await post({ sessionId: root, entities: JSON.stringify({ Facility: { name: "Doomed" } }) })).body as [number];
    expect(await del({ sessionId: "", entities: "{nope" })).toMatchObject({ status: 400, body: { code: "BAD_PARAMETER" } });
    expect(await del({ sessionId: root })).toEqual({ status: 400, body: { code: "BAD_PARAMETER", message: "entities is not set" } });
    expect(await del({ sessionId: root, entities: JSON.stringify({ Facility: { id, name: "Doomed" } }) })).toMatchObject({ status: 400, body: { offset: 0 } });
    expect(await del({ sessionId: root, entities: JSON.stringify({ Facility: { id } }) })).toEqual({ status: 204, body: undefined });
    expect((await get({ sessionId: root, query: "Facility", id: String(id) })).status).toBe(404);
  });
});

describe("fixture files", () => {
  it("seeds from a JSON file, and says which file is wrong", async () => {
    const dir = await mkdtemp(join(tmpdir(), "catkit-icat-fixture-"));
    try {
      const file = join(dir, "fixture.json");
      await writeFile(file, JSON.stringify({ entities: { Facility: [{ name: "FROM-FILE" }] } }));
      const other = await startIcatSandbox({ fixture: file });
      try {
        const names = other.engine.search("db/root", "SELECT f.name FROM Facility f");
        expect(names).toEqual(["FROM-FILE"]);
      } finally {
        await other.close();
      }
      await writeFile(file, "{oops");
      await expect(startIcatSandbox({ fixture: file })).rejects.toBeInstanceOf(FixtureError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
