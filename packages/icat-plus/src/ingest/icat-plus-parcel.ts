// A sample-tracking parcel in ICAT+'s JSON shape, as `tracking/{sessionId}/parcel` lists it
// (pyicat-plus get_parcels_by; the fields mxcube reads, pyicat-plus.md §2.2: `id`, `name`,
// `content` of containers with `sampleChangerLocation` holding samples with `sampleId`,
// `sampleContainerPosition`, `experimentPlan` and `processingPlan` lists of {key, value},
// `comments`). ICAT+ keeps parcels as MongoDB documents: `_id` is a 24-hex ObjectId, `id` its
// string, every nested item gets an `_id` of its own, and a new parcel starts in status CREATED
// with its status history. One source for the ICAT+ sandbox and catkit's gateway, so both answer
// a created parcel alike. What is posted beyond the checked fields is kept as posted.
import { randomBytes } from "node:crypto";
import { InvalidArgumentError } from "@catkit/core";

/**
 * An item of a parcel: a container (type CONTAINER, its samples in `content`), a sample, a tool…
 *
 * @example
 * ```ts
 * const puck: ParcelItem = { _id: "65f…", name: "puck1", type: "CONTAINER", sampleChangerLocation: "1", content: [] };
 * ```
 */
export interface ParcelItem {
  _id: string;
  name?: string;
  type?: string;
  content?: ParcelItem[];
  [field: string]: unknown;
}

/**
 * A parcel as ICAT+ answers it.
 *
 * @example
 * ```ts
 * const names = (parcels as IcatPlusParcel[]).map((p) => p.name);
 * ```
 */
export interface IcatPlusParcel {
  _id: string;
  id: string;
  name: string;
  investigationId: number;
  investigationName: string | null;
  shipmentId: string | null;
  status: string;
  statuses: { status: string; createdAt: string; createdBy: string }[];
  content: ParcelItem[];
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

/** A MongoDB-style id: 24 hex digits. */
function objectId(): string {
  return randomBytes(12).toString("hex");
}

const MAX_DEPTH = 4;

function items(value: unknown, path: string, depth: number): ParcelItem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidArgumentError(`${path} must be a list of items`, { argument: path });
  if (depth > MAX_DEPTH) throw new InvalidArgumentError(`${path}: items nest at most ${MAX_DEPTH} levels deep`, { argument: path });
  return value.map((item: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!item || typeof item !== "object" || Array.isArray(item)) throw new InvalidArgumentError(`${at} must be an object`, { argument: at });
    const { _id, content, ...rest } = item as Record<string, unknown>;
    if (rest.name !== undefined && typeof rest.name !== "string") throw new InvalidArgumentError(`${at}.name must be a string`, { argument: `${at}.name` });
    return { ...rest, _id: typeof _id === "string" && _id ? _id : objectId(), ...(content === undefined ? {} : { content: items(content, `${at}.content`, depth + 1) }) };
  });
}

/**
 * A new parcel from a posted body: checked (an object with a `name`; `content` a list of item
 * objects, nested at most 4 deep), given ids, status CREATED and timestamps.
 *
 * @throws {InvalidArgumentError} naming the field that is wrong.
 * @example
 * ```ts
 * const parcel = newParcel({ name: "dewar 1", content: [] }, { investigationId: 12, investigationName: "hg123", shipmentId: null, createdBy: "db/nbour" });
 * parcel.status; // "CREATED"
 * ```
 */
export function newParcel(body: unknown, o: { investigationId: number; investigationName: string | null; shipmentId: string | null; createdBy: string; now?: Date }): IcatPlusParcel {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new InvalidArgumentError("the parcel must be a JSON object", { argument: "body" });
  const { _id: _ignored, id: _alsoIgnored, content, ...rest } = body as Record<string, unknown>;
  if (typeof rest.name !== "string" || rest.name.trim() === "") throw new InvalidArgumentError("the parcel needs a name", { argument: "name" });
  const id = objectId();
  const at = (o.now ?? new Date()).toISOString();
  return {
    ...rest,
    name: rest.name,
    _id: id,
    id,
    investigationId: o.investigationId,
    investigationName: o.investigationName,
    shipmentId: o.shipmentId,
    status: "CREATED",
    statuses: [{ status: "CREATED", createdAt: at, createdBy: o.createdBy }],
    content: items(content, "content", 1),
    createdAt: at,
    updatedAt: at,
  };
}
