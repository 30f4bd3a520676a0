import { describe, expect, it } from "vitest";
import { errorOf, tutorialEngine } from "./helpers.js";

describe("maxEntities", () => {
  const { engine, id } = tutorialEngine({ maxEntities: 3 });

  it("refuses more rows than maxEntities, unless LIMIT keeps them below", () => {
    expect(errorOf(() => engine.search("db/root", "SELECT df FROM Datafile df"))).toEqual({
      code: "VALIDATION",
      message: "attempt to process more than 3 entities",
    });
    expect(errorOf(() => engine.search("db/root", "SELECT df.name FROM Datafile df LIMIT 0, 10")).message).toBe(
      "attempt to process more than 3 entities",
    );
    expect(engine.search("db/root", "SELECT df.name FROM Datafile df LIMIT 0, 3")).toHaveLength(3);
    expect(engine.search("db/root", "SELECT df.name FROM Datafile df ORDER BY df.name LIMIT 1, 3")).toHaveLength(3);
    expect(engine.search("db/root", "SELECT COUNT(df) FROM Datafile df")).toEqual([4]);
  });

  it("counts INCLUDEd objects too", () => {
    expect(engine.search("db/root", "SELECT ds FROM Dataset ds")).toHaveLength(3);
    expect(errorOf(() => engine.search("db/root", "SELECT ds FROM Dataset ds INCLUDE ds.datafiles"))).toEqual({
      code: "VALIDATION",
      message: "attempt to return more than 3 entities",
    });
    expect(engine.search("db/root", "SELECT ds FROM Dataset ds WHERE ds.name = 'e201215' INCLUDE ds.datafiles")).toHaveLength(1);
    expect(errorOf(() => engine.get("db/root", "Dataset ds INCLUDE ds.datafiles, ds.parameters", id("e201215"))).message).toBe(
      "attempt to return more than 3 entities",
    );
  });

  it("counts what the user may read, not what exists", () => {
    expect(engine.search("db/ahau", "SELECT df FROM Datafile df")).toHaveLength(1);
  });
});
