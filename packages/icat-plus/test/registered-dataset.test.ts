// toRegisteredDataset: ICAT+'s dataset JSON → pyicat-plus's Dataset (name, path, __fileCount).
import { describe, expect, it } from "vitest";
import { toRegisteredDataset } from "../src/investigation/investigation-info.js";

describe("toRegisteredDataset", () => {
  it("takes the name from the location's last segment and parses __fileCount", () => {
    expect(toRegisteredDataset({ id: 7, location: "/data/visitor/hg123/id00/20240301/RAW_DATA/s/s_0001/", parameters: [{ name: "__fileCount", value: "3" }] })).toEqual({
      datasetId: { name: "s_0001", path: "/data/visitor/hg123/id00/20240301/RAW_DATA/s/s_0001/" },
      icatDatasetId: 7,
      datasetMetadata: { fileCount: 3 },
    });
    expect(toRegisteredDataset({ id: 8, location: "/d/x", parameters: [{ name: "__fileCount", value: 2.9 }] }).datasetMetadata.fileCount).toBe(2);
  });

  it("keeps a dataset without location (ICAT allows it): path \"\", its ICAT name, 0 files", () => {
    expect(toRegisteredDataset({ id: 9, name: "demo" })).toEqual({ datasetId: { name: "demo", path: "" }, icatDatasetId: 9, datasetMetadata: { fileCount: 0 } });
    expect(toRegisteredDataset({ id: 10, location: null })).toEqual({ datasetId: { name: "", path: "" }, icatDatasetId: 10, datasetMetadata: { fileCount: 0 } });
  });
});
