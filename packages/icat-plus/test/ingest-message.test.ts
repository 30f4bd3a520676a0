// Parsing queue messages back: what datasetXml/investigationXml/json bodies carry survives the
// round trip (character references decoded, empty values kept); anything else is an IngestError.
import { describe, expect, it } from "vitest";
import { addFilesJson, datasetXml, IngestError, investigationXml, updateMetadataJson } from "../src/index.js";
import { parseIngestMessage } from "../src/ingest/index.js";

describe("parseIngestMessage", () => {
  it("reads a dataset message as pyicat-plus wrote it", () => {
    const xml = datasetXml(
      { beamline: "id00", proposal: "hg123", dataset: "d<1>", path: "/data/é", metadata: { Sample_name: "s&t 😀", empty: [], investigationId: 42, startDate: "2024-03-01T10:00:00+01:00" } },
      { machine: "m", software: "s" },
    );
    const m = parseIngestMessage("xml", xml);
    expect(m).toMatchObject({ kind: "dataset", proposal: "hg123", beamline: "id00", name: "d<1>", location: "/data/é", sample: "s&t 😀", startDate: "2024-03-01T10:00:00+01:00" });
    expect(m.kind === "dataset" && m.parameters.map((p) => [p.name, p.value])).toEqual([
      ["Sample_name", "s&t 😀"], ["empty", ""], ["investigationId", "42"], ["startDate", "2024-03-01T10:00:00+01:00"], ["endDate", expect.any(String) as string], ["machine", "m"], ["software", "s"],
    ]);
  });

  it("reads investigation, update-metadata and add-files messages", () => {
    expect(parseIngestMessage("xml", investigationXml({ beamline: "", proposal: "", investigationId: 7, startDate: "2024-03-01T08:00:00+01:00" }))).toEqual({
      kind: "investigation", proposal: "", beamline: "", investigationId: "7", startDate: "2024-03-01T08:00:00+01:00", endDate: undefined,
    });
    expect(parseIngestMessage("updateMetadata", updateMetadataJson({ proposal: "p", beamline: "b", datasetPaths: ["/a", "/b"], metadataName: "n", metadataValue: "v" }))).toMatchObject({ datasetPaths: ["/a", "/b"] });
    expect(parseIngestMessage("addFiles", addFilesJson(12))).toEqual({ kind: "addFiles", datasetId: 12 });
  });

  it.each([
    ["xml", "<tns:dataset"],
    ["xml", "<other/>"],
    ["xml", '<tns:dataset xmlns:tns="http://www.esrf.fr/icat"><tns:name>x</tns:name></tns:dataset>'],
    ["addFiles", '{"datasetId": "abc"}'],
    ["addFiles", "not json"],
    ["updateMetadata", '{"proposal": "p"}'],
  ] as const)("rejects %s %s with an IngestError", (kind, body) => {
    expect(() => parseIngestMessage(kind, body)).toThrow(IngestError);
  });
});
