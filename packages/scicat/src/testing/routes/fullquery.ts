// GET /api/v3/datasets/fullquery's `fields` parameter (BE:src/common/utils.ts
// createFullqueryFilter): `mode` is raw Mongo (pid mapped to _id), `text` a text search,
// `scientific` a list of {lhs, relation, rhs, unit} conditions, any other key an equality
// (arrays: $in; creationTime: {begin, end} range).
import { nestError } from "../http-exception.js";
import type { Doc } from "../state.js";

const RELATIONS: Record<string, string> = { EQUAL_TO_NUMERIC: "$eq", EQUAL_TO_STRING: "$eq", GREATER_THAN: "$gt", LESS_THAN: "$lt", GREATER_THAN_OR_EQUAL: "$gte", LESS_THAN_OR_EQUAL: "$lte" };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The Mongo condition of a fullquery `fields` value. */
export function fullqueryCondition(text: string | null): Doc {
  let fields: Doc;
  try {
    fields = JSON.parse(text ?? "{}") as Doc;
  } catch (err) {
    throw nestError(400, `Invalid JSON in fields: ${(err as Error).message}`);
  }
  const and: Doc[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "mode") {
      const mode = { ...(value as Doc) };
      if ("pid" in mode) mode._id = mode.pid;
      delete mode.pid;
      and.push(mode);
    } else if (key === "text") {
      const re = { $regex: escape(typeof value === "string" ? value : JSON.stringify(value)), $options: "i" };
      and.push({ $or: [{ datasetName: re }, { description: re }, { keywords: re }] });
    } else if (key === "scientific") {
      for (const c of value as Array<{ lhs: string; relation: string; rhs: unknown }>) {
        const op = RELATIONS[c.relation] ?? "$eq";
        const base = `scientificMetadata.${c.lhs}`;
        and.push({ $or: [{ [base]: { [op]: c.rhs } }, { [`${base}.value`]: { [op]: c.rhs } }, { [`${base}.v`]: { [op]: c.rhs } }] });
      }
    } else if (key === "userGroups") {
      and.push({ $or: [{ ownerGroup: { $in: value } }, { accessGroups: { $in: value } }] });
    } else if (key === "creationTime" && typeof value === "object" && value !== null && "begin" in value) {
      const range = value as { begin: string; end: string };
      and.push({ creationTime: { $gte: new Date(range.begin).toISOString(), $lte: new Date(range.end).toISOString() } });
    } else {
      and.push({ [key]: Array.isArray(value) ? { $in: value } : value });
    }
  }
  return and.length === 0 ? {} : { $and: and };
}
