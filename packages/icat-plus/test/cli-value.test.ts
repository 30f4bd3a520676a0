import { describe, expect, it } from "vitest";
import { datasetXml, InvalidMetadataError, parseCliValue, serializeMetadataValue } from "../src/index.js";

// What pyicat-plus sends for `-p NAME=VALUE` (json.loads, else the text; then str()).
const sent = (text: string) => serializeMetadataValue(parseCliValue(text), "X");

describe("parseCliValue", () => {
  it("keeps Python's float, int, bool and list forms", () => {
    expect(sent("7.1")).toBe("7.1");
    expect(sent("1.0")).toBe("1.0");
    expect(sent("7.10")).toBe("7.1");
    expect(sent("1e5")).toBe("100000.0");
    expect(sent("7")).toBe("7");
    expect(sent("12345678901234567890")).toBe("12345678901234567890");
    expect(sent("true")).toBe("True");
    expect(sent("NaN")).toBe("nan");
    expect(sent("-Infinity")).toBe("-inf");
    expect(sent("[1, 2.5, \"a\"]")).toBe("1,2.5,a");
    expect(sent("[[1,2],[3,4]]")).toBe("1,2 3,4");
    expect(sent('"quoted"')).toBe("quoted");
    expect(sent("null")).toBeUndefined();
  });

  it("keeps text that is not JSON, and refuses objects", () => {
    expect(sent("mysample")).toBe("mysample");
    expect(sent("2024-03-01T10:00:00")).toBe("2024-03-01T10:00:00");
    expect(sent("")).toBe("");
    expect(() => parseCliValue('{"a": 1}')).toThrow(InvalidMetadataError);
  });

  it("feeds datasetXml", () => {
    const xml = datasetXml({ beamline: "id00", proposal: "p", dataset: "d", path: "/d", metadata: { Sample_name: "s", E: parseCliValue("1.0") } }, { now: () => new Date(0), machine: "m", software: "s" });
    expect(xml).toContain("<tns:name>E</tns:name><tns:value>1.0</tns:value>");
  });
});
