import { describe, expect, it } from "vitest";
import { javaDouble } from "../../src/testing/engine/render/java-double.js";
import { errorOf, tutorialEngine } from "./helpers.js";

// The expected texts are written by hand from the outputs quoted in icat.server TestRS.java
// (TestJsoniseBean), with the fields icat.server 6.2 added since (dataPublicationUsers, …)
// placed where EntityInfoHandler's name order puts them.
describe("entity JSON", () => {
  it("writes a User like icat.server", () => {
    const { engine } = tutorialEngine();
    const [uid] = engine.write("db/root", {
      User: { name: "db/lib", fullName: "Dr. Horace Worblehat", givenName: "Horace", familyName: "Worblehat", affiliation: "Unseen University" },
    });
    expect(engine.searchJson("db/root", "SELECT u from User u WHERE u.name = 'db/lib'")).toBe(
      `[{"User":{"id":${uid},"createId":"db/root","createTime":"2024-01-01T00:00:00.000Z","modId":"db/root",` +
        `"modTime":"2024-01-01T00:00:00.000Z","affiliation":"Unseen University","dataPublicationUsers":[],` +
        `"familyName":"Worblehat","fullName":"Dr. Horace Worblehat","givenName":"Horace","instrumentScientists":[],` +
        `"investigationUsers":[],"name":"db/lib","studies":[],"userGroups":[]}}]`,
    );
  });

  it("writes a Facility, an InvestigationType and a ParameterType like icat.server", () => {
    const { engine } = tutorialEngine();
    const [fid] = engine.write("db/root", { Facility: { name: "Test port facility", daysUntilRelease: 90 } });
    const [itid, ptid] = engine.write("db/root", [
      { InvestigationType: { name: "atype", facility: { id: fid } } },
      {
        ParameterType: {
          name: "temp", units: "degrees Kelvin", valueType: "NUMERIC", pid: "pt:25c", minimumNumericValue: 73.4,
          applicableToDatafile: true, applicableToDataset: true, applicableToInvestigation: true, facility: { id: fid },
        },
      },
    ]);
    const meta = (id: number | undefined): string =>
      `"id":${id},"createId":"db/root","createTime":"2024-01-01T00:00:00.000Z","modId":"db/root","modTime":"2024-01-01T00:00:00.000Z"`;
    expect(engine.getJson("db/root", "Facility", fid as number)).toBe(
      `{"Facility":{${meta(fid)},"applications":[],"dataPublicationTypes":[],"dataPublications":[],"datafileFormats":[],` +
        `"datasetTypes":[],"daysUntilRelease":90,"facilityCycles":[],"instruments":[],"investigationTypes":[],` +
        `"investigations":[],"name":"Test port facility","parameterTypes":[],"sampleTypes":[]}}`,
    );
    expect(engine.getJson("db/root", "InvestigationType", itid as number)).toBe(`{"InvestigationType":{${meta(itid)},"investigations":[],"name":"atype"}}`);
    expect(engine.getJson("db/root", "ParameterType", ptid as number)).toBe(
      `{"ParameterType":{${meta(ptid)},"applicableToDataCollection":false,"applicableToDatafile":true,"applicableToDataset":true,` +
        `"applicableToInvestigation":true,"applicableToSample":false,"dataCollectionParameters":[],"datafileParameters":[],` +
        `"datasetParameters":[],"enforced":false,"investigationParameters":[],"minimumNumericValue":73.4,"name":"temp",` +
        `"permissibleStringValues":[],"pid":"pt:25c","sampleParameters":[],"units":"degrees Kelvin","valueType":"NUMERIC","verified":false}}`,
    );
  });

  it("nests INCLUDEd many-to-one objects without a wrapper and writes doubles the Java way", () => {
    const { engine, id } = tutorialEngine();
    const pid = engine.search("db/root", "SELECT p.id FROM DatasetParameter p WHERE p.numericValue = 5.3")[0] as number;
    expect(engine.searchJson("db/root", `SELECT p FROM DatasetParameter p WHERE p.id = ${pid} INCLUDE p.type`)).toBe(
      `[{"DatasetParameter":{"id":${pid},` +
        `"createId":"db/root","createTime":"2023-06-28T12:00:00.000Z","modId":"db/root","modTime":"2023-06-28T12:00:00.000Z",` +
        `"error":0.05,"numericValue":5.3,"type":{"id":${id("field")},"createId":"db/root","createTime":"2023-06-28T12:00:00.000Z",` +
        `"modId":"db/root","modTime":"2023-06-28T12:00:00.000Z","applicableToDataCollection":false,"applicableToDatafile":true,` +
        `"applicableToDataset":true,"applicableToInvestigation":false,"applicableToSample":false,"dataCollectionParameters":[],` +
        `"datafileParameters":[],"datasetParameters":[],"enforced":false,"investigationParameters":[],"name":"Magnetic field",` +
        `"permissibleStringValues":[],"sampleParameters":[],"units":"T","unitsFullName":"Tesla","valueType":"NUMERIC","verified":false}}}]`,
    );
  });

  it("writes scalar rows, multi-item rows and COUNT like ICATRest.search", () => {
    const { engine } = tutorialEngine();
    expect(engine.searchJson("db/root", "SELECT COUNT(ds) FROM Dataset ds")).toBe("[3]");
    expect(engine.searchJson("db/root", "SELECT ds.name, ds.fileSize FROM Dataset ds WHERE ds.name = 'e201215'")).toBe('[["e201215",0]]');
    expect(engine.searchJson("db/root", "SELECT p.numericValue FROM DatasetParameter p ORDER BY p.numericValue")).toBe("[5.3,7.5]");
    expect(engine.searchJson("db/root", "SELECT s.name FROM Dataset ds LEFT JOIN ds.sample s WHERE ds.name = 'e208339'")).toBe("[null]");
    expect(engine.searchJson("db/root", "SELECT ds FROM Dataset ds WHERE ds.name = 'none'")).toBe("[]");
  });

  it("renders dates in UTC with milliseconds", () => {
    const { engine } = tutorialEngine();
    expect(engine.searchJson("db/root", "SELECT i.startDate FROM Investigation i WHERE i.name = '12100409-ST'")).toBe('["2012-07-26T15:44:24.000Z"]');
    expect(errorOf(() => engine.searchJson("db/root", "SELECT i FROM Investigation i WHERE i.startDate > '2012'")).message).toContain("Cannot compare Date with String");
  });
});

describe("javaDouble", () => {
  it.each([
    [50, "50.0"], [73.4, "73.4"], [0.001, "0.001"], [0.0001, "1.0E-4"], [1234567.5, "1234567.5"], [1e7, "1.0E7"],
    [1.234e-5, "1.234E-5"], [-2.5e21, "-2.5E21"], [0, "0.0"], [-0, "-0.0"], [Number.NaN, "NaN"],
  ])("%d → %s", (n, text) => {
    expect(javaDouble(n)).toBe(text);
  });
});
