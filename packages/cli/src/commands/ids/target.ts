// The data an IDS command works on, from flags: --investigation/--dataset/--datafile id lists
// (comma-separated, repeatable) or a preparedId. A preparedId is a bearer secret, so it is read
// from --prepared-id-file or $CATKIT_PREPARED_ID, never from a flag value.
import { readFile } from "node:fs/promises";
import { registerSecret } from "@catkit/core";
import type { DataTarget, SelectionIds } from "@catkit/ids";
import { UsageError } from "../../runtime/exit-codes.js";

/** The selection flags. */
export interface TargetOptions {
  investigation?: string[];
  dataset?: string[];
  datafile?: string[];
  preparedIdFile?: string;
}

function ids(values: readonly string[] | undefined, flag: string): number[] {
  const out: number[] = [];
  for (const part of (values ?? []).flatMap((v) => v.split(","))) {
    const text = part.trim();
    if (!/^\d+$/.test(text)) throw new UsageError(`${flag} takes positive integer ids separated by commas, got ${JSON.stringify(part)}`);
    out.push(Number(text));
  }
  return out;
}

/**
 * The selection given by the flags (usage error if empty).
 *
 * @example
 * ```ts
 * selectionOf({ dataset: ["7,8"] }); // { investigationIds: [], datasetIds: [7, 8], datafileIds: [] }
 * ```
 */
export function selectionOf(options: TargetOptions): Required<{ [K in keyof SelectionIds]: number[] }> {
  const selection = {
    investigationIds: ids(options.investigation, "--investigation"),
    datasetIds: ids(options.dataset, "--dataset"),
    datafileIds: ids(options.datafile, "--datafile"),
  };
  if (selection.investigationIds.length + selection.datasetIds.length + selection.datafileIds.length === 0) {
    throw new UsageError("select data with --investigation, --dataset or --datafile ids");
  }
  return selection;
}

/**
 * A selection, or the preparedId from --prepared-id-file / $CATKIT_PREPARED_ID.
 *
 * @example
 * ```ts
 * const target = await targetOf({ preparedIdFile: "prepared.txt" });
 * ```
 */
export async function targetOf(options: TargetOptions): Promise<DataTarget> {
  const fromFile = options.preparedIdFile === undefined ? undefined : await readFile(options.preparedIdFile, "utf8").catch(() => undefined);
  if (options.preparedIdFile !== undefined && fromFile === undefined) throw new UsageError(`cannot read --prepared-id-file ${options.preparedIdFile}`);
  const prepared = (fromFile ?? process.env.CATKIT_PREPARED_ID ?? "").trim();
  const hasSelection = [options.investigation, options.dataset, options.datafile].some((v) => v !== undefined && v.length > 0);
  if (prepared !== "") {
    if (hasSelection) throw new UsageError("give either a selection or a preparedId, not both");
    registerSecret(prepared);
    return prepared;
  }
  return selectionOf(options);
}
