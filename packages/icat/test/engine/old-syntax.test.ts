import { describe, expect, it } from "vitest";
import { translateOldGet, translateOldSearch } from "../../src/testing/engine/query/old-syntax/old-translate.js";
import { errorOf, tutorialEngine } from "./helpers.js";

// Expected JPQL written by hand from icat.server's OldSearchQuery.getNewQuery / DagHandler / OldInclude.
describe("concise syntax translation", () => {
  it.each([
    ["Dataset", "SELECT Dataset$ FROM Dataset AS Dataset$"],
    ["Dataset.name", "SELECT Dataset$.name FROM Dataset AS Dataset$"],
    ["DISTINCT Dataset.name", "SELECT DISTINCT Dataset$.name FROM Dataset AS Dataset$"],
    [
      "Dataset INCLUDE Datafile,DatasetParameter",
      "SELECT Dataset$ FROM Dataset AS Dataset$ INCLUDE Dataset$.datafiles AS Datafile_$, Dataset$.parameters AS DatasetParameter_$",
    ],
    [
      "Dataset INCLUDE Datafile, DatafileParameter ORDER BY name DESC",
      "SELECT Dataset$ FROM Dataset AS Dataset$ ORDER BY Dataset$.name DESC INCLUDE Dataset$.datafiles AS Datafile_$, Datafile_$.parameters AS DatafileParameter_$",
    ],
    ["3,5 Dataset.id ORDER BY id", "SELECT Dataset$.id FROM Dataset AS Dataset$ ORDER BY Dataset$.id LIMIT 3, 5"],
    ["3, Dataset.id ORDER BY id", "SELECT Dataset$.id FROM Dataset AS Dataset$ ORDER BY Dataset$.id LIMIT 3, *"],
    [",5 Dataset.id ORDER BY id", "SELECT Dataset$.id FROM Dataset AS Dataset$ ORDER BY Dataset$.id LIMIT 0, 5"],
    ["Dataset.id [type.name IN ('GS','GQ')]", "SELECT Dataset$.id FROM Dataset AS Dataset$ WHERE (Dataset$.type.name IN ('GS', 'GQ'))"],
    [
      "Dataset.id [type.name = 'GS' OR type.name = 'GQ']",
      "SELECT Dataset$.id FROM Dataset AS Dataset$ WHERE (Dataset$.type.name = 'GS' OR Dataset$.type.name = 'GQ')",
    ],
    [
      "Dataset.id <-> DatasetParameter[type.name='TIMESTAMP']",
      "SELECT Dataset$.id FROM Dataset AS Dataset$ JOIN Dataset$.parameters AS DatasetParameter$ WHERE (DatasetParameter$.type.name = 'TIMESTAMP')",
    ],
    [
      "Dataset.id [name like 'fred%'] <-> DatasetParameter[type.name = 'TIMESTAMP']",
      "SELECT Dataset$.id FROM Dataset AS Dataset$ JOIN Dataset$.parameters AS DatasetParameter$ WHERE (Dataset$.name LIKE 'fred%') AND (DatasetParameter$.type.name = 'TIMESTAMP')",
    ],
    [
      "COUNT(Datafile) <-> Dataset [id=5]",
      "SELECT COUNT(Datafile$) FROM Datafile AS Datafile$ JOIN Datafile$.dataset AS Dataset$ WHERE (Dataset$.id = 5)",
    ],
    ["MAX (Dataset.id)", "SELECT MAX(Dataset$.id) FROM Dataset AS Dataset$"],
    [
      "ParameterType [valueType = DATE_AND_TIME]",
      "SELECT ParameterType$ FROM ParameterType AS ParameterType$ WHERE (ParameterType$.valueType = org.icatproject.ParameterValueType.DATE_AND_TIME)",
    ],
    [
      "Investigation [createTime > {ts 2011-01-15 00:00:00}]",
      "SELECT Investigation$ FROM Investigation AS Investigation$ WHERE (Investigation$.createTime > {ts 2011-01-15 00:00:00})",
    ],
    ["Dataset [complete = TRUE]", "SELECT Dataset$ FROM Dataset AS Dataset$ WHERE (Dataset$.complete = TRUE)"],
    [
      "Dataset [NOT (name = 'a' OR name = 'b') AND id BETWEEN 1 AND 9]",
      "SELECT Dataset$ FROM Dataset AS Dataset$ WHERE (NOT ((Dataset$.name = 'a' OR Dataset$.name = 'b')) AND Dataset$.id BETWEEN 1 AND 9)",
    ],
    // ComparisonPredicate keeps the operator when the value comes first.
    ["Dataset [5 < id]", "SELECT Dataset$ FROM Dataset AS Dataset$ WHERE (Dataset$.id < 5)"],
    ["Dataset [name = 'it''s']", "SELECT Dataset$ FROM Dataset AS Dataset$ WHERE (Dataset$.name = 'it''s')"],
  ])("%s", (old, jpql) => {
    expect(translateOldSearch(old)).toBe(jpql);
  });

  it("translates the old get forms", () => {
    expect(translateOldGet("Dataset INCLUDE 1")).toBe("Dataset AS Dataset$ INCLUDE 1");
    expect(translateOldGet("Dataset INCLUDE Investigation, Facility")).toBe(
      "Dataset AS Dataset$ INCLUDE Dataset$.investigation AS Investigation_$, Investigation_$.facility AS Facility_$",
    );
  });

  it.each([
    ["Dataste", "Dataste is not an ICAT entity"],
    ["dataset", "dataset is not an ICAT entity"],
    // The documented example fails on a real server too: InvestigationUser has no field "name".
    ["Investigation <-> InvestigationUser [name = :user]", "Attribute comparisons require one attribute name and one value: name = :user"],
    ["Dataset INCLUDE DatafileParameter", "Unable to reach DatafileParameter in list of INCLUDES."],
    ["Dataset INCLUDE 2", "Only integer value allowed in the INCLUDE list is 1"],
    ["Dataset <-> Facility", "Unable to reach Facility"],
    ["Investigation <-> Dataset <-> Sample", "Can't have loop in graph of entities."],
    ["Dataset [name IN (nosuch)]", "Expected token from types [STRING, INTEGER, REAL, PARAMETER, TS] at token nosuch"],
    ["Dataset [typo = 'x']", "Attribute comparisons require one attribute name and one value: typo = x"],
    ["Dataset [complete = MAYBE]", "boolean.MAYBE"],
    ["Dataset [name = 'x'", "Expected token from types [KET] but the query ended"],
  ])("rejects %j", (old, message) => {
    const { engine } = tutorialEngine();
    const e = errorOf(() => engine.search("db/root", old));
    expect(e.code).toBe("BAD_PARAMETER");
    expect(e.message).toContain(message);
  });
});

describe("concise syntax evaluation", () => {
  const { engine, id } = tutorialEngine();

  it("runs the queries IDS sends", () => {
    expect(engine.search("db/root", `COUNT(Datafile) <-> Dataset [id=${id("e201215")}]`)).toEqual([2]);
    const got = engine.get("db/root", "Dataset INCLUDE Investigation, Facility", id("e201215")) as {
      Dataset: { investigation: { name: string; facility: { name: string } } };
    };
    expect(got.Dataset.investigation.name).toBe("12100409-ST");
    expect(got.Dataset.investigation.facility.name).toBe("ESNF");
  });

  it("puts ORDER BY before the condition, as the concise grammar wants", () => {
    expect(errorOf(() => engine.search("db/root", "Dataset.name [complete = TRUE] ORDER BY name")).message).toContain(
      "Expected token from types [ENTSEP] at token ORDER",
    );
  });

  it("restricts, joins, orders and limits", () => {
    expect(engine.search("db/root", "Dataset.name ORDER BY name [type.name IN ('raw','GQ')]")).toEqual(["e201215", "e201216", "e208339"]);
    expect(engine.search("db/root", "1,1 Dataset.name ORDER BY name DESC")).toEqual(["e201216"]);
    expect(engine.search("db/root", "Dataset.name <-> DatasetParameter[numericValue > 6]")).toEqual(["e201216"]);
    expect(engine.search("db/root", "ParameterType.name [valueType = DATE_AND_TIME]")).toEqual(["Last access"]);
    expect(engine.search("db/root", "Investigation.name <-> InvestigationUser <-> User [name = :user]")).toEqual([]);
    expect(engine.search("db/nbour", "Investigation.name <-> InvestigationUser <-> User [name = :user]")).toEqual(["12100409-ST"]);
  });
});
