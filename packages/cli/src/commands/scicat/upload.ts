// catkit scicat upload DIR --metadata FILE: a new dataset whose files are every regular file
// under DIR (remote paths relative to DIR), uploaded by @catkit/scicat in scitacean's order
// (validate, files, dataset, orig datablock). The metadata file is a JSON object (or, named
// *.yaml / *.yml, a YAML mapping, read with the `yaml` library) of the dataset's fields, either scitacean's names (name, meta) or SciCat's (datasetName, scientificMetadata);
// creationTime defaults to now. A failure after the files moved is reported exactly
// (@catkit/scicat's DatasetUploadError / PartialUploadError say what is left where).
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Dataset, File } from "@catkit/scicat";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { scicatClient, type ScicatFlags } from "../../shared/scicat-client.js";
import { datasetJson } from "./query.js";
import { fileTransfer, type TransferFlags } from "./transfer.js";

/** Flags of `catkit scicat upload`. */
export interface UploadFlags extends ScicatFlags, TransferFlags {
  metadata: string;
}

async function readMetadata(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new UsageError(`cannot read --metadata ${file}`);
  });
  const isYaml = /\.ya?ml$/i.test(file);
  let parsed: unknown;
  try {
    // YAML is loaded only for YAML files; its core schema keeps "2024-03-01" a string, as JSON would.
    parsed = isYaml ? (await import("yaml")).parse(text, { schema: "core", uniqueKeys: true }) : JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--metadata ${file} is not ${isYaml ? "YAML" : "JSON"}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new UsageError(`--metadata ${file} must hold ${isYaml ? "a YAML mapping" : "a JSON object"} of dataset fields`);
  const fields = parsed as Record<string, unknown>;
  if (fields.pid !== undefined) throw new UsageError(`--metadata ${file} has a pid: upload creates a new dataset, SciCat assigns the pid`);
  return { creationTime: new Date().toISOString(), ...fields };
}

async function filesUnder(dir: string): Promise<File[]> {
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new UsageError(`${dir} is not a directory`);
  const { localFile } = await import("@catkit/scicat");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  if (paths.length === 0) throw new UsageError(`${dir} has no files to upload`);
  return Promise.all(paths.map((p) => localFile(p, { remotePath: relative(dir, p).split(sep).join("/") })));
}

async function newDataset(fields: Record<string, unknown>): Promise<Dataset> {
  const { Dataset } = await import("@catkit/scicat");
  const wireNames = "datasetName" in fields || "scientificMetadata" in fields;
  return wireNames ? Dataset.fromWire(fields) : new Dataset(fields as unknown as ConstructorParameters<typeof Dataset>[0]);
}

/**
 * `catkit scicat upload DIR --metadata FILE`.
 *
 * @example
 * ```ts
 * await upload(ctx, { metadata: "dataset.json", transfer: "copy", sourceFolder: "/mnt/scicat/{owner}/{uid}" }, "./scan1");
 * ```
 */
export default async function upload(ctx: CommandContext, flags: UploadFlags, dir: string): Promise<void> {
  const fields = await readMetadata(flags.metadata);
  const dataset = (await newDataset(fields)).withFiles(await filesUnder(dir));
  const client = await scicatClient(ctx.globals, flags, await fileTransfer(flags));
  const progress = await ctx.out.progress("upload");
  try {
    const uploaded = await client.uploadNewDatasetNow(dataset, { signal: ctx.signal, onProgress: (e) => progress.update(e.bytesDone, e.bytesTotal, e.name ?? "") });
    progress.stop();
    const f = uploaded.fields;
    ctx.out.data(datasetJson(uploaded), `uploaded ${f.pid ?? ""}: ${dataset.files.length} files, ${f.size ?? 0} bytes, source folder ${f.sourceFolder ?? ""}`);
  } finally {
    progress.stop();
    await client.close();
  }
}
