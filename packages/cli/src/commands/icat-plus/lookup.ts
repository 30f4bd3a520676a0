// catkit icat-plus investigation | datasets: pyicat-plus's investigation_info and
// registered_datasets through @catkit/icat-plus (GET dataacquisition/{token}/investigation and
// …/dataset). pyicat-plus answers None when ICAT+ did not answer and {} when no investigation
// matches; here they are exit 6 and exit 3.
import type { InvestigationInfo } from "@catkit/icat-plus";
import type { CommandContext } from "../../runtime/context.js";
import { ExitCode, OutcomeError, UsageError } from "../../runtime/exit-codes.js";
import { icatPlusClient, type IcatPlusFlags } from "../../shared/icat-plus-client.js";

/** Flags of the look-ups. */
export interface LookupFlags extends IcatPlusFlags {
  beamline: string;
  proposal: string;
  date?: string;
  openEnded: boolean;
}

function lookupDate(text: string | undefined): Date | string | undefined {
  if (text === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(date.getTime())) throw new UsageError(`--date must be YYYY-MM-DD or an ISO date-time, got ${JSON.stringify(text)}`);
  return date;
}

function found(info: InvestigationInfo | null | undefined, flags: LookupFlags): InvestigationInfo {
  if (info === undefined) throw new OutcomeError("ICAT+ did not answer (network error or timeout); nothing was looked up", ExitCode.Unreachable, "CATKIT_NETWORK");
  if (info === null) throw new OutcomeError(`no investigation ${flags.proposal} on ${flags.beamline}${flags.date ? ` on ${flags.date}` : ""} in ICAT+`, ExitCode.NotFound, "ICATPLUS_NOT_FOUND");
  return info;
}

/**
 * `catkit icat-plus investigation --beamline B --proposal P [--date D]`.
 *
 * @example
 * ```ts
 * await investigation(ctx, { beamline: "id00", proposal: "id002207", openEnded: true });
 * ```
 */
export async function investigation(ctx: CommandContext, flags: LookupFlags): Promise<void> {
  const date = lookupDate(flags.date);
  const client = await icatPlusClient(ctx.globals, flags);
  try {
    const o = { date, allowOpenEnded: flags.openEnded };
    const info = found(await client.investigationInfo(flags.beamline, flags.proposal, o), flags);
    ctx.out.data(info, await client.investigationInfoString(flags.beamline, flags.proposal, o));
  } finally {
    await client.close();
  }
}

/**
 * `catkit icat-plus datasets --beamline B --proposal P [--date D]`: the registered datasets.
 *
 * @example
 * ```ts
 * await datasets(ctx, { beamline: "id00", proposal: "id002207", openEnded: true });
 * ```
 */
export async function datasets(ctx: CommandContext, flags: LookupFlags): Promise<void> {
  const date = lookupDate(flags.date);
  const client = await icatPlusClient(ctx.globals, flags);
  try {
    const o = { date, allowOpenEnded: flags.openEnded };
    found(await client.investigationInfo(flags.beamline, flags.proposal, o), flags);
    const list = await client.registeredDatasets(flags.beamline, flags.proposal, o);
    if (list === undefined) throw new OutcomeError("ICAT+ did not answer (network error or timeout)", ExitCode.Unreachable, "CATKIT_NETWORK");
    const rows = list.map((d) => ({ id: d.icatDatasetId, name: d.datasetId.name, files: d.datasetMetadata.fileCount, path: d.datasetId.path }));
    ctx.out.table(rows, [{ key: "id" }, { key: "name" }, { key: "files" }, { key: "path" }]);
  } finally {
    await client.close();
  }
}
