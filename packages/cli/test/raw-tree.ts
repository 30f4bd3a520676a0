// A /data/visitor-style tree with Bliss HDF5 files (written with h5wasm), and the ICAT side of it
// in the sandbox: instrument id00, investigation id002207 (2024-02-29 → 2024-03-03) and some
// datasets registered with their locations.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import h5wasm from "h5wasm/node";
import { IcatClient, Query, eq } from "@catkit/icat";

export interface BlissFile {
  sample?: string;
  start?: string;
  end?: string;
  creator?: string;
}

/** Writes <dir>/<basename>.h5 as Bliss does (root attrs creator, file_time; scans 1.1, 2.1). */
export async function writeBlissFile(dir: string, file: BlissFile): Promise<void> {
  await h5wasm.ready;
  mkdirSync(dir, { recursive: true });
  const f = new h5wasm.File(join(dir, `${dir.split("/").at(-1) ?? ""}.h5`), "w");
  try {
    f.create_attribute("creator", file.creator ?? "bliss");
    if (file.start) f.create_attribute("file_time", file.start);
    for (const [scan, end] of [["2.1", file.end], ["1.1", "2024-03-01T10:01:00+01:00"]] as const) {
      const g = f.create_group(scan);
      if (file.sample) g.create_group("sample").create_dataset({ name: "name", data: file.sample });
      if (end) g.create_dataset({ name: "end_time", data: end });
    }
  } finally {
    f.close();
  }
}

export const SESSION = "id002207/id00/20240301";

/** Dataset dirs of the main session, by expected status. */
export function datasetDirs(root: string) {
  const raw = join(root, SESSION, "RAW_DATA", "sample");
  return {
    registered: join(raw, "sample_0001"),
    withoutFiles: join(raw, "sample_0002"),
    notUploaded: join(raw, "sample_0003"),
    unregistered: join(raw, "sample_0004"),
    invalidMetadata: join(raw, "sample_0005"),
    invalidName: join(raw, "weird"),
  };
}

const GOOD = { sample: "sample", start: "2024-03-01T10:00:00+01:00", end: "2024-03-01T10:05:00+01:00" };

/** Builds the disk tree. */
export async function buildTree(root: string): Promise<void> {
  const d = datasetDirs(root);
  for (const dir of [d.registered, d.withoutFiles, d.notUploaded, d.unregistered]) await writeBlissFile(dir, GOOD);
  await writeBlissFile(d.invalidMetadata, { start: GOOD.start, end: GOOD.end });
  mkdirSync(d.invalidName, { recursive: true });
  mkdirSync(join(root, SESSION, "RAW_DATA", "__icat__"), { recursive: true });
  writeFileSync(join(root, SESSION, "RAW_DATA", "__icat__", "sample_0003.xml"), '<tns:dataset xmlns:tns="http://www.esrf.fr/icat" complete="true"/>');
  mkdirSync(join(root, "id002207", "id00", "20240302", "RAW_DATA"), { recursive: true }); // empty session
  mkdirSync(join(root, "id002207", "id00", "notasession"), { recursive: true });
  await writeBlissFile(join(root, "hg999", "id00", "20240301", "RAW_DATA", "s", "s_0001"), GOOD); // no investigation
}

/** Creates the ICAT side as root; returns the investigation id. */
export async function buildCatalogue(icatUrl: string, idsUrl: string, root: string): Promise<number> {
  const icat = new IcatClient({ url: icatUrl, idsUrl });
  try {
    await icat.login("db", { username: "root", password: "secret" });
    const [facility] = await icat.assertedSearch(new Query("Facility", { conditions: { name: eq("ESNF") } }));
    const [type] = await icat.assertedSearch(new Query("InvestigationType", { conditions: { name: eq("Experiment") } }));
    const [dsType] = await icat.assertedSearch(new Query("DatasetType", { conditions: { name: eq("raw") } }));
    const [format] = await icat.assertedSearch(new Query("DatafileFormat", { conditions: { name: eq("Text") } }));
    // named as icat-sync-raw asks ICAT+ for them: lower-cased beamline and proposal (reference §4.3)
    const instrument = icat.new("Instrument", { name: "id00", facility });
    instrument.id = await icat.create(instrument);
    const investigation = icat.new("Investigation", { name: "id002207", title: "sync test", visitId: "1", facility, type, startDate: new Date("2024-02-29T08:00:00Z"), endDate: new Date("2024-03-03T08:00:00Z") });
    investigation.id = await icat.create(investigation);
    await icat.create(icat.new("InvestigationInstrument", { investigation, instrument }));
    // ICAT+ reports a dataset's file count from its hidden __fileCount parameter (the ingester keeps it)
    const fileCount = icat.new("ParameterType", { name: "__fileCount", units: "", valueType: "NUMERIC", facility, applicableToDataset: true });
    fileCount.id = await icat.create(fileCount);
    const d = datasetDirs(root);
    for (const [name, location, withFile] of [["0001", d.registered, true], ["0002", d.withoutFiles, false]] as const) {
      const dataset = icat.new("Dataset", { name, location, investigation, type: dsType, complete: false });
      dataset.id = await icat.create(dataset);
      await icat.create(icat.new("DatasetParameter", { dataset, type: fileCount, numericValue: withFile ? 1 : 0 }));
      if (withFile) await icat.create(icat.new("Datafile", { name: "sample_0001.h5", location: `${location}/sample_0001.h5`, dataset, datafileFormat: format }));
    }
    return investigation.id;
  } finally {
    await icat.close();
  }
}
