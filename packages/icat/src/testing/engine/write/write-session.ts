import type { AuthorizationPolicy } from "../authz/authorization-policy.js";
import type { EntityStore } from "../store/entity-store.js";
import type { Row } from "../store/row.js";

/**
 * The state of one write call (one transaction): who writes, when, and which rows it created so
 * far (for icat.server's check for duplicates within the call).
 *
 * @example
 * ```ts
 * const session: WriteSession = { store, policy, user: "db/root", now: new Date(), created: new Set() };
 * ```
 */
export interface WriteSession {
  readonly store: EntityStore;
  readonly policy: AuthorizationPolicy;
  readonly user: string;
  readonly now: Date;
  readonly created: Set<Row>;
}

/**
 * What one top-level element of a write touched: rows created (children before their parent, as
 * icat.server collects them) and rows updated, with whether an identifying relation changed.
 *
 * @example
 * ```ts
 * const element: ElementWrites = { creates: [], updates: new Map() };
 * ```
 */
export interface ElementWrites {
  readonly creates: Row[];
  readonly updates: Map<Row, boolean>;
}

/**
 * A JSON object as parsed from the `entities` parameter.
 *
 * @example
 * ```ts
 * const o: JsonObject = { name: "ESNF" };
 * ```
 */
export type JsonObject = Record<string, unknown>;

/**
 * Whether a parsed JSON value is an object (not an array, not null).
 *
 * @example
 * ```ts
 * isJsonObject({}); // true
 * ```
 */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
