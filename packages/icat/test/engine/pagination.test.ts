import { describe, expect, it } from "vitest";
import { IcatEngine, tutorialFixture, type FixtureObject } from "../../src/testing/engine/index.js";
import { NOW } from "./helpers.js";

const N = 20_000;

function bigEngine(): IcatEngine {
  const { DatasetParameter: _p, DatasetTechnique: _t, Datafile: _f, DatafileParameter: _q, ...rest } = tutorialFixture.entities;
  const datasets: FixtureObject[] = [];
  for (let i = 0; i < N; i++) datasets.push({ name: `ds${i}`, complete: false, investigation: i % 2 === 0 ? "inv1" : "inv2", type: "raw" });
  const engine = new IcatEngine({ clock: () => NOW });
  engine.load({ entities: { ...rest, Dataset: datasets } });
  return engine;
}

function pages(engine: IcatEngine, user: string, order: "ASC" | "DESC", size = 1000): number[] {
  const ids: number[] = [];
  for (let offset = 0; ; offset += size) {
    const page = engine.search(user, `SELECT d FROM Dataset d ORDER BY d.id ${order} LIMIT ${offset}, ${size}`) as { Dataset: { id: number } }[];
    ids.push(...page.map((p) => p.Dataset.id));
    if (page.length < size) return ids;
  }
}

describe("paging through many datasets", () => {
  const engine = bigEngine();

  it("returns every dataset once, in id order, for root and for members", () => {
    const all = pages(engine, "db/root", "ASC");
    expect(all).toHaveLength(N);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    const mine = pages(engine, "db/nbour", "ASC");
    expect(mine).toHaveLength(N / 2);
    expect(new Set(mine).size).toBe(N / 2);
    const minePlus = new Set(mine);
    expect(pages(engine, "db/ahau", "DESC")).toEqual(all.filter((id) => !minePlus.has(id)).reverse());
  });

  it("sees writes made between pages", () => {
    const first = engine.search("db/nbour", "SELECT d.id FROM Dataset d ORDER BY d.id DESC LIMIT 1, 1");
    const inv = engine.search("db/root", "SELECT i.id FROM Investigation i WHERE i.name = '12100409-ST'")[0] as number;
    const type = engine.search("db/root", "SELECT t.id FROM DatasetType t WHERE t.name = 'raw'")[0] as number;
    const [created] = engine.write("db/nbour", { Dataset: { name: "late", investigation: { id: inv }, type: { id: type } } });
    expect(engine.search("db/nbour", "SELECT d.id FROM Dataset d ORDER BY d.id DESC LIMIT 0, 1")).toEqual([created]);
    expect(engine.search("db/nbour", "SELECT d.id FROM Dataset d ORDER BY d.id DESC LIMIT 2, 1")).toEqual(first);
  });

  it("keeps each page cheap", () => {
    const start = performance.now();
    engine.search("db/nbour", `SELECT d FROM Dataset d ORDER BY d.id LIMIT ${N / 2 - 1000}, 1000`);
    const warm = performance.now();
    for (let i = 0; i < 5; i++) engine.search("db/nbour", `SELECT d FROM Dataset d ORDER BY d.id LIMIT ${1000 * i + 1000}, 1000`);
    const perPage = (performance.now() - warm) / 5;
    expect(perPage).toBeLessThan(Math.max(200, warm - start));
  });
});
