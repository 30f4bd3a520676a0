// What a data call works on: a selection, or a preparedId returned by prepareData. Also the
// URL-length guard for python-icat#22: ids.server takes id lists in the query string of GET and
// DELETE calls, and long lists exceed what servers and proxies accept in a request line.
import { toParams } from "@catkit/core/internal";
import { DataSelection, type SelectionInput } from "../data-selection.js";
import { assertPreparedId } from "../validation.js";
import type { IdsContext, Params } from "./ids-context.js";

/**
 * A selection (or anything a selection is built from), or a preparedId string.
 *
 * @example
 * ```ts
 * const a: DataTarget = { datasetIds: [7] };
 * const b: DataTarget = "eb0dd942-7ce9-4ea9-b342-ea326edd4dfe";
 * ```
 */
export type DataTarget = SelectionInput | string;

/** A checked target. */
export type ResolvedTarget = { readonly kind: "prepared"; readonly preparedId: string } | { readonly kind: "selection"; readonly selection: DataSelection };

/**
 * Checks a target: a string must be a valid preparedId, anything else becomes a DataSelection.
 *
 * @example
 * ```ts
 * resolveTarget({ datafileIds: [12] }); // { kind: "selection", selection }
 * ```
 */
export function resolveTarget(target: DataTarget): ResolvedTarget {
  if (typeof target === "string") {
    assertPreparedId(target);
    return { kind: "prepared", preparedId: target };
  }
  return { kind: "selection", selection: DataSelection.from(target) };
}

/**
 * The request parameters naming a target.
 *
 * @example
 * ```ts
 * targetParams(resolveTarget("eb0dd942-7ce9-4ea9-b342-ea326edd4dfe")); // { preparedId: "eb0d…" }
 * ```
 */
export function targetParams(target: ResolvedTarget): Params {
  return target.kind === "prepared" ? { preparedId: target.preparedId } : target.selection.toParams();
}

// The session id is added at sign time; reserve room for "&sessionId=<36-char uuid>".
const SESSION_RESERVE = "&sessionId=".length + 36;

function urlLength(ctx: IdsContext, path: string, params: Params): number {
  return ctx.core.url(path).length + 1 + toParams(params).toString().length + SESSION_RESERVE;
}

/**
 * True when a GET/DELETE of `path` with these parameters stays within the client's maxUrlLength.
 *
 * @example
 * ```ts
 * if (!fitsInUrl(ctx, "getData", selection.toParams())) usePreparedId();
 * ```
 */
export function fitsInUrl(ctx: IdsContext, path: string, params: Params): boolean {
  return urlLength(ctx, path, params) <= ctx.maxUrlLength;
}

/**
 * Splits a selection into parts whose requests each fit in maxUrlLength (every part has at least
 * one id). `extra` are the other parameters the request carries.
 *
 * @example
 * ```ts
 * for (const part of splitSelection(ctx, "delete", selection)) await deletePart(part);
 * ```
 */
export function splitSelection(ctx: IdsContext, path: string, selection: DataSelection, extra: Params = {}): DataSelection[] {
  if (fitsInUrl(ctx, path, { ...extra, ...selection.toParams() })) return [selection];
  const budget = ctx.maxUrlLength - urlLength(ctx, path, extra);
  const parts: DataSelection[] = [];
  let current = { investigationIds: [] as number[], datasetIds: [] as number[], datafileIds: [] as number[] };
  let used = 0;
  const flush = () => {
    parts.push(new DataSelection(current));
    current = { investigationIds: [], datasetIds: [], datafileIds: [] };
    used = 0;
  };
  for (const key of ["investigationIds", "datasetIds", "datafileIds"] as const) {
    for (const id of selection[key]) {
      // "&key=" once per key, then each id with an encoded comma ("%2C").
      const cost = () => String(id).length + 3 + (current[key].length === 0 ? key.length + 2 : 0);
      if (used > 0 && used + cost() > budget) flush();
      used += cost();
      current[key].push(id);
    }
  }
  if (used > 0) flush();
  return parts;
}
