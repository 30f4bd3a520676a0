// Reading the tools' metadata input as pyicat-plus does (apps/store_raw.py): `--metadatafile` is
// an INI body without a section (`key = value` lines), `-p NAME=VALUE` repeatable and overriding
// the file. Values stay raw text here; the messenger parses them as pyicat-plus (json.loads with
// a string fallback). A file that does not parse is a usage error: nothing is sent.
import { readFile } from "node:fs/promises";
import { UsageError } from "../../runtime/exit-codes.js";
import type { MetadataInput } from "../../shared/dataset-messenger.js";

/**
 * Parses `NAME=VALUE` (the value may contain "=").
 *
 * @example
 * ```ts
 * parseParameter("InstrumentBeam_incident_energy=7.1"); // ["InstrumentBeam_incident_energy", "7.1"]
 * ```
 */
export function parseParameter(text: string): [string, string] {
  const at = text.indexOf("=");
  const name = at < 0 ? "" : text.slice(0, at).trim();
  if (at < 0 || name === "") throw new UsageError(`-p/--parameter takes NAME=VALUE, got ${JSON.stringify(text)}`);
  return [name, text.slice(at + 1)];
}

/**
 * Reads a metadata file: `key = value` (or `key: value`) lines, `#`/`;` comment lines, configparser
 * style but with the key's case kept (ICAT field names are case-sensitive: `Sample_name`).
 *
 * @example
 * ```ts
 * await readMetadataFile("meta.ini"); // [["Sample_name", "mysample"], …]
 * ```
 */
export async function readMetadataFile(file: string): Promise<[string, string][]> {
  const text = await readFile(file, "utf8").catch((err: unknown) => {
    throw new UsageError(`cannot read --metadatafile ${file}: ${err instanceof Error ? err.message : String(err)}`);
  });
  const entries: [string, string][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*([#;].*)?$/.test(line)) return;
    const at = line.search(/[=:]/);
    const key = at < 0 ? "" : line.slice(0, at).trim();
    if (key === "" || /^\s*\[/.test(line)) throw new UsageError(`--metadatafile ${file} line ${i + 1} is not "key = value": ${JSON.stringify(line.trim())}`);
    entries.push([key, line.slice(at + 1).trim()]);
  });
  return entries;
}

/**
 * The metadata of a dataset: file entries, then -p overrides, then Sample_name from --sample
 * (dict insertion order, as the Python dict pyicat-plus builds).
 *
 * @example
 * ```ts
 * await datasetMetadata({ sample: "s1", parameter: ["A=1"] }); // [["A", { cliText: "1" }], ["Sample_name", "s1"]]
 * ```
 */
export async function datasetMetadata(options: { sample: string; metadatafile?: string; parameter?: string[] }): Promise<[string, MetadataInput][]> {
  const fromFile = options.metadatafile === undefined ? [] : await readMetadataFile(options.metadatafile);
  const entries = new Map<string, MetadataInput>(fromFile.map(([k, v]) => [k, { cliText: v }]));
  for (const p of options.parameter ?? []) {
    const [name, value] = parseParameter(p);
    entries.set(name, { cliText: value });
  }
  entries.set("Sample_name", options.sample);
  return [...entries];
}
