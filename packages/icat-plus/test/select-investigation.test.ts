// pyicat-plus's investigation selection (pyicat-plus.md §3.3): filtering, creation order,
// the deterministic date (08:00 or the start of a slot that begins that day), open-ended slots
// closed at the next start, closed slots first, nearest start/end with ties to the larger index.
// Local-time strings keep the cases independent of the machine's time zone.
import { describe, expect, it } from "vitest";
import { investigationInfoText, investigationSummaryRows, normalizeInvestigation, toRegisteredDataset } from "../src/investigation/investigation-info.js";
import { selectInvestigation, type IcatPlusInvestigation } from "../src/index.js";

const inv = (id: number, startDate?: string, endDate?: string): IcatPlusInvestigation => ({ id, name: `p${id}`, ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) });
const pick = (list: IcatPlusInvestigation[], date?: Date | string, open = true) => selectInvestigation(list, date, open, () => new Date("2024-03-02T12:00:00"))?.id;

describe("selectInvestigation", () => {
  it("keeps investigations with a start date (and an end date unless open-ended ones are allowed)", () => {
    expect(pick([inv(1)])).toBeUndefined();
    expect(pick([inv(1), inv(2, "2024-03-01T08:00:00")])).toBe(2);
    expect(pick([inv(2, "2024-03-01T08:00:00")], undefined, false)).toBeUndefined();
  });

  it("returns the last closed slot holding the date, by id, whatever the input order", () => {
    const a = inv(1, "2024-03-01T08:00:00", "2024-03-05T08:00:00");
    const b = inv(2, "2024-03-02T08:00:00", "2024-03-04T08:00:00");
    expect(pick([b, a], new Date("2024-03-03T00:00:00"))).toBe(2);
    expect(pick([b, a], new Date("2024-03-04T12:00:00"))).toBe(1);
  });

  it("prefers a closed slot over an open-ended one holding the date", () => {
    const closed = inv(1, "2024-03-01T08:00:00", "2024-03-05T08:00:00");
    const open = inv(2, "2024-03-02T08:00:00");
    expect(pick([closed, open], new Date("2024-03-03T00:00:00"))).toBe(1);
    expect(pick([closed, open], new Date("2024-03-06T00:00:00"))).toBe(2);
  });

  it("closes an open-ended slot at the next start", () => {
    const open = inv(1, "2024-02-01T08:00:00");
    const next = inv(2, "2024-03-01T08:00:00", "2024-03-03T08:00:00");
    expect(pick([open, next], new Date("2024-02-15T00:00:00"))).toBe(1);
    // After both: the open one now ends on 03-01 (4 days away), the closed one on 03-03 (2 days).
    expect(pick([open, next], new Date("2024-03-05T08:00:00"))).toBe(2);
  });

  it("takes a day at 08:00, or at the start of the last slot beginning that day", () => {
    const early = inv(1, "2024-02-27T08:00:00", "2024-03-01T07:30:00");
    const late = inv(2, "2024-03-01T09:00:00", "2024-03-02T08:00:00");
    expect(pick([early, late], "2024-03-01")).toBe(2);
    const before = inv(3, "2024-02-27T08:00:00", "2024-03-01T07:00:00");
    const after = inv(4, "2024-03-02T09:00:00", "2024-03-03T08:00:00");
    // 08:00 on 03-01: one hour after `before` ended, 25 hours before `after` starts.
    expect(pick([before, after], "2024-03-01")).toBe(3);
  });

  it("breaks a tie between nearest start and nearest end towards the larger index", () => {
    const ended = inv(1, "2024-02-20T08:00:00", "2024-02-29T07:00:00");
    const starts = inv(2, "2024-03-02T09:00:00", "2024-03-04T08:00:00");
    // 08:00 on 03-01: 25 h after `ended`, 25 h before `starts`.
    expect(pick([ended, starts], "2024-03-01")).toBe(2);
  });

  it("uses now when no date is given", () => {
    expect(pick([inv(1, "2024-03-01T08:00:00", "2024-03-03T08:00:00"), inv(2, "2024-03-05T08:00:00", "2024-03-06T08:00:00")])).toBe(1);
  });
});

describe("investigation info", () => {
  const info = normalizeInvestigation(
    { id: 7, name: "hg123", instrument: { name: "id00" }, startDate: "2024-03-01T08:00:00", visitId: "v", parameters: { x: 1 }, title: "T" },
    "https://data.esrf.fr/",
  );

  it("normalizes as pyicat-plus: proposal and beamline first, parameters and visitId dropped, links last", () => {
    expect(Object.keys(info)).toEqual(["proposal", "beamline", "id", "startDate", "title", "e-logbook", "data portal"]);
    expect(info["data portal"]).toBe("https://data.esrf.fr/investigation/7/datasets");
  });

  it("formats the info string and the summary", () => {
    // Python's "{:<n}" per column, joined by three spaces: every value padded to the longest (45).
    const row = (k: string, v: string) => ` ${k.padEnd(11)}   ${v.padEnd(45)}`;
    expect(investigationInfoText(info, "r")).toBe(
      [
        "ICAT proposal time slot:",
        row("proposal", "hg123"), row("beamline", "id00"), row("id", "7"), row("startDate", "2024-03-01T08:00:00"), row("title", "T"),
        row("e-logbook", "https://data.esrf.fr/investigation/7/logbook"), row("data portal", "https://data.esrf.fr/investigation/7/datasets"),
      ].join("\n"),
    );
    expect(investigationInfoText(undefined, "ICAT communication timeout")).toBe("Proposal information currently not available (ICAT communication timeout)");
    expect(investigationSummaryRows(null, "r")[0]).toEqual(["e-logbook", "Proposal NOT available in the data portal"]);
  });
});

describe("toRegisteredDataset", () => {
  it("names a dataset by its location's last segment and parses __fileCount", () => {
    expect(toRegisteredDataset({ id: 7, location: "/data/id00/s_0001/", parameters: [{ name: "__fileCount", value: "3" }] })).toEqual({
      datasetId: { name: "s_0001", path: "/data/id00/s_0001/" },
      icatDatasetId: 7,
      datasetMetadata: { fileCount: 3 },
    });
  });

  it("takes a dataset without a location (optional in ICAT) by its name, with path '' and 0 files", () => {
    expect(toRegisteredDataset({ id: 8, location: null, name: "calib" })).toEqual({ datasetId: { name: "calib", path: "" }, icatDatasetId: 8, datasetMetadata: { fileCount: 0 } });
  });
});
