// Dataset and investigation XML against the reference's examples (pyicat-plus.md §1.3, §1.4,
// §1.6) and the serialization table: exact bytes.
import { describe, expect, it } from "vitest";
import { asFloat, datasetXml, investigationXml, InvalidMetadataError } from "../src/index.js";

const EXAMPLE =
  '<tns:dataset xmlns:tns="http://www.esrf.fr/icat" complete="true">' +
  "<tns:investigation>id002207</tns:investigation><tns:instrument>id00</tns:instrument><tns:name>testproc</tns:name>" +
  "<tns:location>/data/visitor/id002207/id00/20240301/PROCESSED_DATA/sample/sample_0001</tns:location>" +
  "<tns:parameter><tns:name>Sample_name</tns:name><tns:value>mysample</tns:value></tns:parameter>" +
  "<tns:sample><tns:name>mysample</tns:name></tns:sample>" +
  "<tns:parameter><tns:name>InstrumentBeam_incident_energy</tns:name><tns:value>7.1</tns:value></tns:parameter>" +
  "<tns:parameter><tns:name>input_datasets</tns:name><tns:value>/data/visitor/id002207/id00/20240301/RAW_DATA/sample/sample_0001,/data/visitor/id002207/id00/20240301/RAW_DATA/sample/sample_0002</tns:value></tns:parameter>" +
  "<tns:parameter><tns:name>startDate</tns:name><tns:value>2024-03-01T10:00:00+01:00</tns:value></tns:parameter>" +
  "<tns:startDate>2024-03-01T10:00:00+01:00</tns:startDate>" +
  "<tns:parameter><tns:name>endDate</tns:name><tns:value>2024-03-01T10:05:00+01:00</tns:value></tns:parameter>" +
  "<tns:endDate>2024-03-01T10:05:00+01:00</tns:endDate>" +
  "<tns:parameter><tns:name>machine</tns:name><tns:value>lid00ctrl.esrf.fr</tns:value></tns:parameter>" +
  "<tns:parameter><tns:name>software</tns:name><tns:value>pyicat-plus_v0.12.0</tns:value></tns:parameter>" +
  "</tns:dataset>";

const base = { beamline: "id00", proposal: "hg123", dataset: "ds", path: "/data/ds" };
const defaults = { machine: "m", software: "s", now: () => new Date("2024-03-01T09:00:00Z") };
const valueOf = (xml: string, name: string) =>
  new RegExp(`<tns:name>${name}</tns:name>(<tns:value>([\\s\\S]*?)</tns:value>|<tns:value />)`).exec(xml)?.[2] ?? "";

describe("datasetXml", () => {
  it("reproduces the reference's processed-data example byte for byte", () => {
    const xml = datasetXml(
      {
        beamline: "id00",
        proposal: "id002207",
        dataset: "testproc",
        path: "/data/visitor/id002207/id00/20240301/PROCESSED_DATA/sample/sample_0001/",
        metadata: {
          Sample_name: "mysample",
          InstrumentBeam_incident_energy: 7.1,
          input_datasets: [
            "/data/visitor/id002207/id00/20240301/RAW_DATA/sample/sample_0001",
            "/data/visitor/id002207/id00/20240301/RAW_DATA/./sample/sample_0002/",
          ],
          startDate: "2024-03-01T10:00:00+01:00",
          endDate: "2024-03-01T10:05:00+01:00",
        },
      },
      { machine: "lid00ctrl.esrf.fr", software: "pyicat-plus_v0.12.0" },
    );
    expect(xml).toBe(EXAMPLE);
  });

  it("writes Python str() forms of numbers and booleans", () => {
    const xml = datasetXml(
      {
        ...base,
        metadata: {
          Sample_name: "s", f: asFloat(7), i: 7, t: true, n: false, small: 1e-5, big: 1e16, nan: NaN, inf: -Infinity,
          fl: 0.1 + 0.2, b: 12345678901234567890n, neg0: -0, fixed: 1234567890123456.8,
        },
      },
      defaults,
    );
    expect([
      "f", "i", "t", "n", "small", "big", "nan", "inf", "fl", "b", "fixed",
    ].map((k) => valueOf(xml, k))).toEqual([
      "7.0", "7", "True", "False", "1e-05", "1e+16", "nan", "-inf", "0.30000000000000004", "12345678901234567890", "1234567890123456.8",
    ]);
    expect(valueOf(xml, "neg0")).toBe("0");
  });

  it("joins lists with commas, lists of lists with a space, drops None, and writes an empty value short", () => {
    const xml = datasetXml(
      { ...base, metadata: { Sample_name: "s", l: [1, null, "a", 2.5], ll: [[1, 2], [3, 4]], e: [], none: null, u: undefined, d: [new Date(0), "x"] } },
      { ...defaults },
    );
    expect(valueOf(xml, "l")).toBe("1,a,2.5");
    expect(valueOf(xml, "ll")).toBe("1,2 3,4");
    expect(xml).toContain("<tns:name>e</tns:name><tns:value /></tns:parameter>");
    expect(xml).not.toContain("<tns:name>none</tns:name>");
    expect(xml).not.toContain("<tns:name>u</tns:name>");
    expect(valueOf(xml, "d")).toMatch(/^1970-01-01T\d\d:00:00[+-]\d\d:\d\d x$/);
  });

  it("formats dates like isoformat(): local offset, six microsecond digits only when non-zero", () => {
    const xml = datasetXml({ ...base, metadata: { Sample_name: "s", startDate: new Date("2024-03-07T16:03:13.123Z"), endDate: new Date("2024-03-07T16:03:13Z") } }, defaults);
    const start = valueOf(xml, "startDate");
    expect(start).toMatch(/^2024-03-0\dT\d\d:\d\d:13\.123000[+-]\d\d:\d\d$/);
    expect(new Date(start.replace(".123000", ".123")).toISOString()).toBe("2024-03-07T16:03:13.123Z");
    expect(valueOf(xml, "endDate")).toMatch(/:13[+-]\d\d:\d\d$/);
  });

  it("adds startDate, endDate, machine and software when absent, in Python's order", () => {
    const xml = datasetXml({ ...base, metadata: { Sample_name: "s" } }, defaults);
    expect([...xml.matchAll(/<tns:parameter><tns:name>(\w+)</g)].map((m) => m[1])).toEqual([
      "Sample_name", "startDate", "endDate", "machine", "software",
    ]);
  });

  it("escapes &, < and > only and writes non-ASCII as one character reference per code point", () => {
    const xml = datasetXml({ ...base, metadata: { Sample_name: `a<b>&"c'\té😀\r\n` } }, defaults);
    expect(valueOf(xml, "Sample_name")).toBe(`a&lt;b&gt;&amp;"c'\t&#233;&#128512;\r\n`);
    expect(Buffer.from(xml, "latin1").every((b) => b < 128)).toBe(true);
  });

  it("normalizes paths as os.path.normpath, keeping a leading //", () => {
    expect(datasetXml({ ...base, path: "//srv/./a/../b/" , metadata: { Sample_name: "s" } }, defaults)).toContain("<tns:location>//srv/b</tns:location>");
  });

  it.each([
    [{ ...base, metadata: {} }, "Sample_name"],
    [{ ...base, metadata: { Sample_name: null } }, "Sample_name"],
    [{ ...base, beamline: "", metadata: { Sample_name: "s" } }, "beamline"],
    [{ ...base, path: "", metadata: { Sample_name: "s" } }, "path"],
    [{ ...base, metadata: { Sample_name: "s", nested: { a: 1 } as never } }, "nested"],
    [{ ...base, metadata: { Sample_name: "s", deep: [[[1]]] as never } }, "deep"],
    [{ ...base, metadata: { Sample_name: "s", startDate: "yesterday" } }, "startDate"],
    [{ ...base, metadata: { Sample_name: "s", startDate: "2024-02-30T10:00:00" } }, "startDate"],
    [{ ...base, metadata: { Sample_name: "s", endDate: new Date("nope") } }, "endDate"],
    [{ ...base, metadata: { Sample_name: "a\u0000b" } }, "Sample_name"],
    [{ ...base, metadata: { Sample_name: "s", input_datasets: [1] as never } }, "input_datasets"],
  ])("rejects bad input with a typed error (%#)", (fields, argument) => {
    let caught: unknown;
    try {
      datasetXml(fields, defaults);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidMetadataError);
    expect((caught as InvalidMetadataError).code).toBe("ICATPLUS_INVALID_METADATA");
    expect((caught as InvalidMetadataError).argument).toBe(argument);
  });
});

describe("investigationXml", () => {
  it("writes the reference's start_investigation example", () => {
    expect(
      investigationXml({ beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00", endDate: "2024-03-03T08:00:00+01:00" }),
    ).toBe(
      '<tns:investigation xmlns:tns="http://www.esrf.fr/icat"><tns:experiment>hg123</tns:experiment><tns:instrument>id00</tns:instrument>' +
        "<tns:startDate>2024-03-01T08:00:00+01:00</tns:startDate><tns:endDate>2024-03-03T08:00:00+01:00</tns:endDate></tns:investigation>",
    );
  });

  it("writes the reschedule form: empty experiment and instrument, then investigationId", () => {
    const xml = investigationXml({ beamline: "", proposal: "", investigationId: 42 }, () => new Date(0));
    expect(xml).toMatch(
      /^<tns:investigation xmlns:tns="http:\/\/www.esrf.fr\/icat"><tns:experiment \/><tns:instrument \/><tns:investigationId>42<\/tns:investigationId><tns:startDate>1970-01-01T\d\d:\d\d:00[+-]\d\d:\d\d<\/tns:startDate><\/tns:investigation>$/,
    );
  });
});
