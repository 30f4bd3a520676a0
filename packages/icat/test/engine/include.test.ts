import { describe, expect, it } from "vitest";
import { errorOf, tutorialEngine } from "./helpers.js";

interface Obj { [k: string]: unknown }
const { engine, id } = tutorialEngine();
const one = (query: string, user = "db/root"): Obj => {
  const [row] = engine.search(user, query) as Obj[];
  return Object.values(row ?? {})[0] as Obj;
};
const e201215 = "SELECT ds FROM Dataset ds WHERE ds.name = 'e201215'";

describe("INCLUDE", () => {
  it("leaves relations out unless included: many-to-one absent, one-to-many []", () => {
    const ds = one(e201215);
    expect(ds.investigation).toBeUndefined();
    expect(ds.datafiles).toEqual([]);
    expect(ds.parameters).toEqual([]);
  });

  it("fills included collections and nests included many-to-one objects without a type wrapper", () => {
    const ds = one(`${e201215} INCLUDE ds.datafiles, ds.investigation.facility`);
    expect((ds.datafiles as Obj[]).map((d) => d.name)).toEqual(["e201215.nxs", "e201215.log"]);
    expect((ds.investigation as Obj).name).toBe("12100409-ST");
    expect(((ds.investigation as Obj).facility as Obj).name).toBe("ESNF");
    expect((ds.investigation as Obj).datasets).toEqual([]);
  });

  it("includes the intermediate steps of a path", () => {
    const ds = one(`${e201215} INCLUDE ds.datafiles.parameters`);
    const log = (ds.datafiles as Obj[]).find((d) => d.name === "e201215.log") as Obj;
    expect((log.parameters as Obj[]).map((p) => p.stringValue)).toEqual(["beam dump at 17:02"]);
  });

  it("accepts new variables with or without AS", () => {
    for (const include of ["ds.datafiles AS df, df.datafileFormat, ds.parameters p, p.type", "ds.datafiles df, df.datafileFormat, ds.parameters AS p, p.type"]) {
      const ds = one(`${e201215} INCLUDE ${include}`);
      expect((ds.datafiles as Obj[]).map((d) => (d.datafileFormat as Obj).name)).toEqual(["NeXus", "Text"]);
      expect(((ds.parameters as Obj[])[0]?.type as Obj).name).toBe("Magnetic field");
    }
  });

  it("includes every many-to-one one level deep with INCLUDE 1", () => {
    const ds = one(`${e201215} INCLUDE 1`);
    expect(Object.keys(ds).filter((k) => typeof ds[k] === "object" && !Array.isArray(ds[k]))).toEqual(["investigation", "sample", "type"]);
    expect((ds.investigation as Obj).facility).toBeUndefined();
    expect(ds.datafiles).toEqual([]);
  });

  it("works in LIMIT-first order and on the concise syntax", () => {
    expect((one(`SELECT ds FROM Dataset ds ORDER BY ds.id LIMIT 0, 1 INCLUDE ds.type`).type as Obj).name).toBe("raw");
    expect((one("Dataset INCLUDE Datafile [name = 'e201215']").datafiles as Obj[]).length).toBe(2);
  });

  it("silently drops related objects the user may not read", () => {
    const ds = one(`${e201215} INCLUDE ds.investigation.facility.investigations`, "db/nbour");
    const investigations = ((ds.investigation as Obj).facility as Obj).investigations as Obj[];
    expect(investigations.map((i) => i.name)).toEqual(["12100409-ST"]);
    const root = one(`${e201215} INCLUDE ds.investigation.facility.investigations`);
    expect((((root.investigation as Obj).facility as Obj).investigations as Obj[]).length).toBe(2);
  });

  it.each([
    [`${e201215} INCLUDE ds`, "Path ds must contain a '.'"],
    [`${e201215} INCLUDE df.parameters`, "variable DF mentioned in INCLUDE clause is not defined"],
    [`${e201215} INCLUDE ds.name`, "Problem with INCLUDE clause: name is not a field of Dataset"],
    [`${e201215} INCLUDE ds.datafile`, "Problem with INCLUDE clause: datafile is not a field of Dataset"],
    [`${e201215} INCLUDE ds.datafiles, ds.datafiles`, "INCLUDE clause contains redundant path to datafiles"],
    [`${e201215} INCLUDE ds.datafiles.parameters, ds.datafiles`, "INCLUDE clause contains redundant path to datafiles"],
    [`${e201215} INCLUDE ds.datafiles x, ds.parameters x`, "variable X mentioned in INCLUDE clause is already defined"],
    [`${e201215} INCLUDE ds.datafiles a.b`, "Variable a.b must not contain a '.'"],
    [`${e201215} INCLUDE 2`, "Expected token from types [NAME] at token 2"],
  ])("rejects %s", (query, message) => {
    expect(errorOf(() => engine.search("db/root", query))).toMatchObject({ code: "BAD_PARAMETER", message: expect.stringContaining(message) as unknown });
  });
});

describe("get", () => {
  it("returns one typed object, with the get-form INCLUDE", () => {
    expect(engine.get("db/root", "Dataset", id("e201215"))).toMatchObject({ Dataset: { name: "e201215", datafiles: [] } });
    const got = engine.get("db/root", "Dataset ds INCLUDE ds.datafiles df, df.parameters", id("e201215")) as { Dataset: Obj };
    expect((got.Dataset.datafiles as Obj[]).length).toBe(2);
    const all = engine.get("db/root", "Dataset INCLUDE 1", id("e201215")) as { Dataset: Obj };
    expect((all.Dataset.type as Obj).name).toBe("raw");
  });

  it("reports missing objects, unknown entities and unreadable objects as icat.server does", () => {
    expect(errorOf(() => engine.get("db/root", "Dataset", 999999))).toEqual({ code: "NO_SUCH_OBJECT_FOUND", message: "Dataset[id:999999] not found." });
    expect(errorOf(() => engine.get("db/root", "Datset", 1))).toEqual({ code: "BAD_PARAMETER", message: "Datset is not an ICAT entity" });
    expect(errorOf(() => engine.get("db/ahau", "Dataset", id("e201215")))).toEqual({
      code: "INSUFFICIENT_PRIVILEGES",
      message: "READ access to this Dataset is not allowed.",
    });
    expect(errorOf(() => engine.get("db/root", "Dataset ds INCLUDE ds.nope", id("e201215"))).message).toBe(
      "Problem with INCLUDE clause: nope is not a field of Dataset",
    );
  });
});
