// Dataset metadata from the Bliss HDF5 file of a raw dataset (pyicat-plus utils/raw_data.py, via
// h5wasm): <dataset_dir>/<basename>.h5 written by Bliss (root attribute `creator` is bliss,
// blissdata or blisswriter); startDate = root attribute `file_time`; per scan, in numeric order,
// /<scan>/sample/name → Sample_name and /<scan>/end_time → endDate (the last scan's).
import { access } from "node:fs/promises";
import { join } from "node:path";
import type H5Module from "h5wasm/node";

/** What a Bliss file tells about its dataset. */
export interface BlissMetadata {
  Sample_name?: string;
  startDate?: string;
  endDate?: string;
}

const CREATORS = new Set(["bliss", "blissdata", "blisswriter"]);
type H5 = typeof H5Module;
let h5: Promise<H5> | undefined;

async function library(): Promise<H5> {
  h5 ??= import("h5wasm/node").then(async (m) => {
    await m.default.ready;
    return m.default;
  });
  return h5;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

function scanOrder(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

/**
 * Reads the metadata of a dataset directory, or undefined when it has no Bliss file.
 *
 * @example
 * ```ts
 * await readBlissMetadata("/data/visitor/id002207/id00/20240301/RAW_DATA/sample/sample_0001");
 * // { Sample_name: "sample", startDate: "2024-03-01T10:00:00+01:00", endDate: "…" }
 * ```
 */
export async function readBlissMetadata(datasetDir: string): Promise<BlissMetadata | undefined> {
  const file = join(datasetDir, `${datasetDir.split("/").at(-1) ?? ""}.h5`);
  if (!(await access(file).then(() => true, () => false))) return undefined;
  const lib = await library();
  let f;
  try {
    f = new lib.File(file, "r");
  } catch {
    return undefined;
  }
  try {
    if (!CREATORS.has(text(f.attrs.creator?.value) ?? "")) return undefined;
    const metadata: BlissMetadata = {};
    const start = text(f.attrs.file_time?.value);
    if (start) metadata.startDate = start;
    for (const scan of f.keys().filter((k) => /^\d+(\.\d+)?$/.test(k)).sort(scanOrder)) {
      const sample = f.get(`${scan}/sample/name`);
      const name = sample && "value" in sample ? text(sample.value) : undefined;
      if (name && metadata.Sample_name === undefined) metadata.Sample_name = name;
      const end = f.get(`${scan}/end_time`);
      const endText = end && "value" in end ? text(end.value) : undefined;
      if (endText) metadata.endDate = endText;
    }
    return metadata;
  } finally {
    f.close();
  }
}
