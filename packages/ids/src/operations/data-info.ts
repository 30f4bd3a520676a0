// Read-only questions about data: getSize, getStatus, getDatafileIds (GET, ids.server
// IdsService.java). Each takes a selection or a preparedId (ids.server >= 1.11 for getSize and
// getStatus). A selection too long for one URL is split into parts whose answers are combined
// exactly, without prepareData: on two-level storage prepareData would start restores, and these
// calls must not change anything.
import { readJson } from "@catkit/core";
import { DataSelection } from "../data-selection.js";
import { resolveTarget, splitSelection, targetParams, type DataTarget, type ResolvedTarget } from "./data-target.js";
import { sendIds, type CallOptions, type IdsContext, callSettings } from "./ids-context.js";
import { readIntegerAnswer, readMatchingAnswer } from "./read-answer.js";
import { responseSchemas } from "./lazy-schemas.js";
import type { DatafileIds, DataStatus } from "./response-schemas.js";

// One GET of a read-only call for a selection or a preparedId (a preparedId needs no session).
function ask(ctx: IdsContext, path: string, target: ResolvedTarget, options: CallOptions, session: "required" | "optional" = "required") {
  return sendIds(ctx, {
    method: "GET",
    path,
    query: targetParams(target),
    session: target.kind === "prepared" ? "none" : session,
    operation: `ids.${path}`,
    ...callSettings(options),
  });
}

async function getDatafileIdsOnce(ctx: IdsContext, target: ResolvedTarget, options: CallOptions): Promise<DatafileIds> {
  const { DatafileIdsSchema } = await responseSchemas();
  return readJson(await ask(ctx, "getDatafileIds", target, options), DatafileIdsSchema);
}

/**
 * `GET getDatafileIds`: the ids of the datafiles (with a location) a selection or preparedId
 * covers; for a preparedId also its `zip` and `compress` flags.
 *
 * @example
 * ```ts
 * const { ids: datafileIds } = await getDatafileIds(ctx, { datasetIds: [7] });
 * ```
 */
export async function getDatafileIds(ctx: IdsContext, target: DataTarget, options: CallOptions = {}): Promise<DatafileIds> {
  const resolved = resolveTarget(target);
  if (resolved.kind === "prepared") return getDatafileIdsOnce(ctx, resolved, options);
  const parts = splitSelection(ctx, "getDatafileIds", resolved.selection);
  if (parts.length === 1) return getDatafileIdsOnce(ctx, resolved, options);
  const ids = new Set<number>();
  for (const part of parts) for (const id of (await getDatafileIdsOnce(ctx, { kind: "selection", selection: part }, options)).ids) ids.add(id);
  return { ids: [...ids] };
}

async function getSizeOnce(ctx: IdsContext, target: ResolvedTarget, options: CallOptions): Promise<number> {
  return readIntegerAnswer(await ask(ctx, "getSize", target, options));
}

/**
 * `GET getSize`: the total size in bytes of the datafiles selected.
 *
 * @example
 * ```ts
 * const bytes = await getSize(ctx, { investigationIds: [3] });
 * ```
 */
export async function getSize(ctx: IdsContext, target: DataTarget, options: CallOptions = {}): Promise<number> {
  const resolved = resolveTarget(target);
  if (resolved.kind === "prepared" || splitSelection(ctx, "getSize", resolved.selection).length === 1) return getSizeOnce(ctx, resolved, options);
  // Parts could overlap (a datafile and its dataset in different parts): list the datafiles
  // first, then add up disjoint lists of datafile ids.
  const { ids } = await getDatafileIds(ctx, resolved.selection, options);
  let total = 0;
  for (const part of splitSelection(ctx, "getSize", new DataSelection({ datafileIds: ids }))) {
    total += await getSizeOnce(ctx, { kind: "selection", selection: part }, options);
  }
  return total;
}

async function getStatusOnce(ctx: IdsContext, target: ResolvedTarget, options: CallOptions): Promise<DataStatus> {
  // Without a session IDS answers with its reader account (IdsService.getStatus).
  const res = await ask(ctx, "getStatus", target, options, "optional");
  const text = await readMatchingAnswer(res, /^(ONLINE|RESTORING|ARCHIVED)$/, "ONLINE, RESTORING or ARCHIVED");
  return (await responseSchemas()).StatusSchema.parse(text);
}

/**
 * `GET getStatus`: `ONLINE`, `RESTORING` or `ARCHIVED`. Works without a session (IDS then
 * uses its reader account).
 *
 * @example
 * ```ts
 * if ((await getStatus(ctx, selection)) === "ARCHIVED") await restore(ctx, selection);
 * ```
 */
export async function getStatus(ctx: IdsContext, target: DataTarget, options: CallOptions = {}): Promise<DataStatus> {
  const resolved = resolveTarget(target);
  if (resolved.kind === "prepared") return getStatusOnce(ctx, resolved, options);
  let combined: DataStatus = "ONLINE";
  // ids.server getStatus: any archived unit makes the whole ARCHIVED, else any restoring one RESTORING.
  for (const part of splitSelection(ctx, "getStatus", resolved.selection)) {
    const status = await getStatusOnce(ctx, { kind: "selection", selection: part }, options);
    if (status === "ARCHIVED") return status;
    if (status === "RESTORING") combined = status;
  }
  return combined;
}
