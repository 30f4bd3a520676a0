// Paging: ORDER BY added, page size capped by maxEntities, short-page stop, the `id = N` quirk,
// INCLUDE fan-out, and python-icat's searchChunked (icat-ids.md §2.3, §5 #2-#3).
import { collect, InvalidArgumentError } from "@catkit/core";
import { mockTransport } from "@catkit/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IcatClient, Query, QueryError, eq, type Dataset } from "../../src/index.ts";
import { startIcatSandbox, tutorialFixture, type IcatSandbox } from "../../src/testing/index.ts";
import { recordingLogger, searchesSeen } from "../support/sandbox.ts";

const EXTRA = 2345;
let sandbox: IcatSandbox;
let icat: IcatClient;
const logger = recordingLogger();
beforeAll(async () => {
  sandbox = await startIcatSandbox({ fixture: tutorialFixture, maxEntities: 1000 });
  const [[inv], [type]] = [sandbox.engine.search("db/root", "SELECT i.id FROM Investigation i WHERE i.name = '12100409-ST'"), sandbox.engine.search("db/root", "SELECT t.id FROM DatasetType t WHERE t.name = 'other'")];
  const datasets = Array.from({ length: EXTRA }, (_, i) => ({ Dataset: { name: `bulk ${i}`, complete: i % 2 === 0, investigation: { id: inv }, type: { id: type } } }));
  for (let i = 0; i < datasets.length; i += 500) sandbox.engine.write("db/root", datasets.slice(i, i + 500));
  icat = new IcatClient({ url: sandbox.url, credential: sandbox.login("db/root"), logger });
});
afterAll(async () => {
  await icat.close();
  await sandbox.close();
});

describe("paginate", () => {
  it("adds ORDER BY id, pages with LIMIT and stops on the first short page", async () => {
    const since = sandbox.requests.length;
    const all = await collect(icat.paginate(new Query("Dataset"), { pageSize: 500 }));
    expect(all).toHaveLength(EXTRA + 3);
    const ids = all.map((d) => d.id ?? 0);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(all[0]?.createTime).toBeInstanceOf(Date);
    expect(searchesSeen({ requests: sandbox.requests.slice(since) })).toEqual(
      [0, 500, 1000, 1500, 2000].map((skip) => `SELECT o FROM Dataset o ORDER BY o.id LIMIT ${skip}, 500`),
    );
  });

  it("keeps an order the query has, and pages by byPage()", async () => {
    const pages: (string | null)[][] = [];
    const query = new Query("Dataset", { attributes: "name", conditions: { name: "LIKE 'bulk 1%'" }, order: [["name", "DESC"]] });
    for await (const page of icat.paginate(query, { pageSize: 400 }).byPage({ maxPageSize: 300 })) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([300, 300, 300, 211]); // bulk 1, 10-19, 100-199, 1000-1999
    expect(pages[0]?.[0]).toBe("bulk 1999");
    expect(searchesSeen(sandbox).at(-1)).toMatch(/ORDER BY o\.name DESC LIMIT 900, 300$/);
  });

  it("caps the page size at maxEntities and says so", async () => {
    const before = logger.lines.length;
    const pages: number[] = [];
    for await (const page of icat.paginate(new Query("Dataset", { attributes: "id" }), { pageSize: 5000 }).byPage()) pages.push(page.length);
    expect(pages).toEqual([1000, 1000, 348]);
    expect(logger.lines.slice(before)).toContainEqual(expect.objectContaining({ level: "warn", message: expect.stringMatching(/exceeds the server's maxEntities; using 1000/) }));
  });

  it("pages query strings: ORDER BY goes before INCLUDE, and the concise syntax gets a skip, count prefix", async () => {
    const since = sandbox.requests.length;
    const rows = await collect(icat.paginate("SELECT d FROM Dataset d WHERE d.name LIKE 'bulk 22%' INCLUDE d.type", { pageSize: 60 }));
    expect(rows).toHaveLength(111);
    expect((rows[0] as Dataset).type?.name).toBe("other");
    const concise = await collect(icat.paginate("Dataset.name [name LIKE 'bulk 23%']", { pageSize: 20 }));
    expect(concise).toHaveLength(56); // bulk 23, 230-239, 2300-2344
    const seen = searchesSeen({ requests: sandbox.requests.slice(since) });
    expect(seen[0]).toBe("SELECT d FROM Dataset d WHERE d.name LIKE 'bulk 22%' ORDER BY d.id INCLUDE d.type LIMIT 0, 60");
    expect(seen.at(-1)).toBe("40, 20 Dataset.name ORDER BY id [name LIKE 'bulk 23%']");
  });

  it("refuses a query with its own LIMIT", () => {
    expect(() => icat.paginate("SELECT d FROM Dataset d LIMIT 0, 10")).toThrow(InvalidArgumentError);
    expect(() => icat.paginate("0, 10 Dataset")).toThrow(InvalidArgumentError);
    // A Query with a limit fails when the first page is built.
    return expect(collect(icat.paginate(new Query("Dataset", { limit: [0, 10] })))).rejects.toBeInstanceOf(QueryError);
  });

  it("stops after one request on an `id = N` query (whose offset pages ICAT answers empty, or once ignored LIMIT on)", async () => {
    const [id] = (await icat.search(new Query("Dataset", { attributes: "id", conditions: { name: eq("bulk 7") } }))) as [number];
    const since = sandbox.requests.length;
    expect(await collect(icat.paginate(new Query("Dataset", { conditions: { id: eq(id) } }), { pageSize: 2 }))).toHaveLength(1);
    expect(searchesSeen({ requests: sandbox.requests.slice(since) })).toHaveLength(1);

    // A server with the old bug (icat.server#128): LIMIT ignored, the same row on every page.
    const row = JSON.stringify([{ Dataset: { id, name: "bulk 7" } }]);
    const transport = mockTransport((req) =>
      req.url.endsWith("/properties")
        ? { status: 200, body: JSON.stringify({ maxEntities: 10000, lifetimeMinutes: 120, authenticators: [] }) }
        : { status: 200, body: row },
    );
    const buggy = new IcatClient({ url: "https://icat.example.org/icat", credential: "0d9a3706-80d4-4d29-9ff3-4d65d4308a24", transport });
    // byPage({ maxPageSize: 1 }) still asks for at least 2 rows, so one row is a short page.
    const pages = [];
    for await (const page of buggy.paginate(`SELECT d FROM Dataset d WHERE d.id = ${id}`).byPage({ maxPageSize: 1 })) pages.push(page);
    expect(pages).toEqual([[expect.objectContaining({ id, name: "bulk 7" })]]);
    expect(transport.calls.filter((c) => c.url.endsWith("entityManager"))).toHaveLength(1);
  });

  it("warns about INCLUDE fan-out and halves a page ICAT refuses as too large", async () => {
    const small = await startIcatSandbox({ fixture: tutorialFixture, maxEntities: 100 });
    try {
      const [[inv], [type]] = [small.engine.search("db/root", "SELECT i.id FROM Investigation i WHERE i.name = '12100409-ST'"), small.engine.search("db/root", "SELECT t.id FROM DatasetType t WHERE t.name = 'other'")];
      small.engine.write(
        "db/root",
        Array.from({ length: 60 }, (_, i) => ({ Dataset: { name: `fan ${i}`, complete: false, investigation: { id: inv }, type: { id: type }, datafiles: [{ name: "a" }, { name: "b" }] } })),
      );
      const log = recordingLogger();
      const client = new IcatClient({ url: small.url, credential: small.login("db/root"), logger: log });
      const all = await collect(client.paginate(new Query("Dataset", { conditions: { name: "LIKE 'fan %'" }, includes: ["datafiles"] }), { pageSize: 50 }));
      expect(all).toHaveLength(60);
      expect(new Set(all.map((d) => d.id)).size).toBe(60);
      expect(all.every((d) => d.datafiles?.length === 2)).toBe(true);
      const warnings = log.lines.filter((l) => l.level === "warn").map((l) => l.message);
      expect(warnings[0]).toMatch(/one-to-many relation/);
      expect(warnings).toContainEqual(expect.stringMatching(/half as many rows/));
      expect(searchesSeen(small)).toEqual([
        expect.stringMatching(/LIMIT 0, 50$/),
        expect.stringMatching(/LIMIT 0, 25$/),
        expect.stringMatching(/LIMIT 25, 25$/),
        expect.stringMatching(/LIMIT 50, 25$/),
      ]);
      // A bounded INCLUDE that fits says nothing.
      const quiet = log.lines.length;
      await collect(client.paginate(new Query("Dataset", { includes: ["type"] }), { pageSize: 50 }), { max: 10 });
      expect(log.lines.slice(quiet).filter((l) => l.level === "warn")).toEqual([]);
      await client.close();
    } finally {
      await small.close();
    }
  });
});

describe("searchChunked", () => {
  it("follows python-icat: skip, count, chunks of at least 2, the query's own order", async () => {
    const since = sandbox.requests.length;
    const query = "SELECT d.name FROM Dataset d WHERE d.name LIKE 'bulk 10%' ORDER BY d.name";
    const rows = await collect(icat.searchChunked(query, { skip: 3, count: 5, chunkSize: 1 }));
    expect(rows).toEqual(["bulk 1001", "bulk 1002", "bulk 1003", "bulk 1004", "bulk 1005"]); // after bulk 10, bulk 100, bulk 1000
    expect(searchesSeen({ requests: sandbox.requests.slice(since) })).toEqual([`${query} LIMIT 3, 2`, `${query} LIMIT 5, 2`, `${query} LIMIT 7, 1`]);
    const unordered = await collect(icat.searchChunked(new Query("Dataset", { attributes: "id" }), { chunkSize: 1000 }));
    expect(unordered).toHaveLength(EXTRA + 3);
    expect(searchesSeen(sandbox).at(-1)).toBe("SELECT o.id FROM Dataset o LIMIT 2000, 1000");
  });
});
