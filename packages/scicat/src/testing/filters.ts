// The `filter` query parameter of the list endpoints, as the backend reads it:
// - v4: keys whitelisted by FilterValidationPipe (BE:src/common/pipes/filter-validation.pipe.ts,
//   ALLOWED_DATASET_FILTER_KEYS): anything else, `limits.order` included, is a 400; `where` is
//   Mongo syntax, evaluated here by mingo; default limit 10, sort createdAt desc (filterDefaults);
// - v3: LoopBack operators in `where` mapped to Mongo (BE:src/common/pipes/filter.pipe.ts),
//   `limits.order` "field:asc|desc", default limit 100 in insertion order (parseLimitFilters);
//   the filter may also come in a `filter` header, but not both.
import type { IncomingMessage } from "node:http";
import { Query } from "mingo";
import { nestError } from "./http-exception.js";
import { Collection, type Doc } from "./state.js";

/** A parsed filter. */
export interface ParsedFilter {
  where: Doc;
  fields: string[] | undefined;
  limit: number;
  skip: number;
  /** [field, 1 | -1] pairs; empty: insertion order. */
  sort: Array<[string, 1 | -1]>;
  include: string[];
}

const V4_FILTER_KEYS = ["where", "$in", "$or", "$and", "$nor", "$match", "$eq", "$gt", "$gte", "$lt", "$lte", "$ne", "$nin", "$not", "$exists", "$regex", "$options", "include", "limits", "limit", "skip", "sort", "fields"];
const FREE_FORM = ["scientificMetadata", "jobParameters", "jobParams", "jobResultObject"];

function flattenKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  const keys = Object.keys(value);
  if (keys.length === 0) return prefix ? [prefix] : [];
  return keys.flatMap((k) => flattenKeys((value as Doc)[k], prefix ? `${prefix}.${k}` : k));
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "{}");
  } catch (err) {
    throw nestError(400, `Invalid JSON in filter: ${(err as Error).message}`);
  }
}

/** Checks every flattened key of a v4 filter against the whitelist (the filter pipe). */
export function checkV4Keys(filter: unknown, allowedFields: readonly string[]): void {
  const allowed = new Set([...allowedFields, ...V4_FILTER_KEYS]);
  for (const key of flattenKeys(filter)) {
    let free = false;
    for (const part of key.split(".")) {
      if (!allowed.has(part) && !free) throw nestError(400, `Property ${key} should not exist in the filter object`);
      if (FREE_FORM.includes(part)) free = true;
    }
  }
}

const asObject = (v: unknown): Doc => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Doc) : {});
const asInt = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? Math.max(0, Math.trunc(v)) : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : fallback);
const includeNames = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((i) => (typeof i === "object" && i !== null ? String((i as Doc).relation) : String(i)));

/** Parses a v4 `filter` parameter. */
export function parseV4Filter(text: string | undefined, allowedFields: readonly string[]): ParsedFilter {
  const raw = parseJson(text);
  checkV4Keys(raw, allowedFields);
  const filter = asObject(raw);
  const limits = asObject(filter.limits);
  const sort = Object.entries(asObject(limits.sort)).map(([k, v]) => [k, String(v).toLowerCase() === "desc" || v === -1 ? -1 : 1] as [string, 1 | -1]);
  return {
    where: asObject(filter.where),
    fields: Array.isArray(filter.fields) ? filter.fields.map(String) : undefined,
    limit: asInt(limits.limit, 10),
    skip: asInt(limits.skip, 0),
    sort: sort.length > 0 ? sort : [["createdAt", -1]],
    include: includeNames(filter.include),
  };
}

const LOOPBACK: Record<string, string> = { inq: "$in", nin: "$nin", and: "$and", or: "$or", gt: "$gt", gte: "$gte", lt: "$lt", lte: "$lte", neq: "$ne", ne: "$ne" };

/** Maps a LoopBack `where` to Mongo (WherePipe), renaming obsolete dataset fields on the way. */
export function loopbackToMongo(where: unknown, rename: Readonly<Record<string, string>> = {}): unknown {
  if (Array.isArray(where)) return where.map((w) => loopbackToMongo(w, rename));
  if (typeof where !== "object" || where === null) return where;
  const out: Doc = {};
  for (const [key, value] of Object.entries(where as Doc)) {
    if (key === "like" || key === "ilike") {
      out.$regex = value;
      if (key === "ilike") out.$options = "i";
    } else if (key in LOOPBACK) out[LOOPBACK[key] as string] = loopbackToMongo(value, rename);
    else out[rename[key] ?? key] = loopbackToMongo(value, rename);
  }
  return out;
}

/** Reads a v3 filter from `?filter=` or the `filter` header (both is a 400). */
export function parseV3Filter(req: IncomingMessage, query: URLSearchParams, rename: Readonly<Record<string, string>> = {}, defaultLimit = 100): ParsedFilter {
  const header = req.headers.filter;
  const param = query.get("filter") ?? undefined;
  if (header !== undefined && param !== undefined) throw nestError(400, "Using 2 different types of filters is not supported");
  const filter = asObject(parseJson(param ?? (Array.isArray(header) ? header[0] : header)));
  const limits = asObject(filter.limits);
  const order = typeof limits.order === "string" ? limits.order : undefined;
  return {
    where: asObject(loopbackToMongo(filter.where, rename)),
    fields: Array.isArray(filter.fields) ? filter.fields.map(String) : undefined,
    limit: asInt(limits.limit, defaultLimit),
    skip: asInt(limits.skip, 0),
    sort: order ? order.split(",").map((o) => { const [f, d] = o.trim().split(":"); return [f ?? "", d?.toLowerCase() === "desc" ? -1 : 1] as [string, 1 | -1]; }) : [],
    include: includeNames(filter.include),
  };
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return (a as string) < (b as string) ? -1 : 1;
}

const sortedCache = new WeakMap<Collection, { version: number; key: string; docs: Doc[] }>();

/** Matching documents in sort order; reused for a Collection until it changes. */
function matching(docs: Iterable<Doc> | Collection, filter: ParsedFilter, extra: Doc | undefined): Doc[] {
  const key = JSON.stringify([filter.where, extra, filter.sort]);
  if (docs instanceof Collection) {
    const hit = sortedCache.get(docs);
    if (hit && hit.version === docs.version && hit.key === key) return hit.docs;
    const found = matchAndSort(docs.values(), filter, extra);
    sortedCache.set(docs, { version: docs.version, key, docs: found });
    return found;
  }
  return matchAndSort(docs, filter, extra);
}

function matchAndSort(docs: Iterable<Doc>, filter: ParsedFilter, extra: Doc | undefined): Doc[] {
  const conditions = [filter.where, ...(extra ? [extra] : [])].filter((c) => Object.keys(c).length > 0);
  const query = conditions.length === 0 ? undefined : new Query(conditions.length === 1 ? (conditions[0] as Doc) : { $and: conditions });
  const found = query ? [...docs].filter((d) => query.test(d)) : [...docs];
  if (filter.sort.length > 0) {
    found.sort((x, y) => {
      for (const [field, dir] of filter.sort) {
        const c = compare(x[field], y[field]);
        if (c !== 0) return c * dir;
      }
      return 0;
    });
  }
  return found;
}

/** Runs a filter over documents: where (mingo), extra conditions, sort, skip, limit, fields. */
export function applyFilter(docs: Iterable<Doc> | Collection, filter: ParsedFilter, extra?: Doc): Doc[] {
  const page = matching(docs, filter, extra).slice(filter.skip, filter.skip + filter.limit);
  return filter.fields && filter.fields.length > 0 ? page.map((d) => project(d, filter.fields as string[])) : page;
}

/** Keeps only `fields` (plus nothing else: Mongo's inclusion projection, _id aside). */
export function project(doc: Doc, fields: readonly string[]): Doc {
  const out: Doc = {};
  for (const f of fields) if (f in doc) out[f] = doc[f];
  return out;
}

/** Counts documents matching `where` and `extra`. */
export function countMatching(docs: Iterable<Doc>, where: Doc, extra?: Doc): number {
  return applyFilter(docs, { where, fields: undefined, limit: Number.MAX_SAFE_INTEGER, skip: 0, sort: [], include: [] }, extra).length;
}
