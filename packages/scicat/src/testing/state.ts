// The sandbox's database: one insertion-ordered map per backend collection, plus the settings
// the handlers need. Documents are stored as the backend returns them (plain JSON).
import type { FunctionalAccount, LdapAccount, SandboxGroups } from "./accounts.js";

/**
 * A stored document.
 *
 * @example
 * ```ts
 * const stored: Doc = sandbox.state.datasets.get(pid)!;
 * ```
 */
export type Doc = Record<string, unknown>;

/**
 * A collection: a Map that counts its writes, so that list queries can reuse their sorted
 * result until the collection changes (paging 100,000 datasets would otherwise re-filter and
 * re-sort everything for each page).
 */
export class Collection extends Map<string, Doc> {
  version = 0;
  override set(key: string, value: Doc): this {
    this.version++;
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    this.version++;
    return super.delete(key);
  }
  override clear(): void {
    this.version++;
    super.clear();
  }
}

/** A JSON body or field as a document ({} when it is not an object). */
export function asDoc(value: unknown): Doc {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Doc) : {};
}

/**
 * Everything the route handlers share.
 *
 * @example
 * ```ts
 * sandbox.state.datasets.size;
 * ```
 */
export interface SandboxState {
  readonly datasets: Collection;
  readonly origdatablocks: Collection;
  readonly datablocks: Collection;
  readonly attachments: Collection;
  readonly samples: Collection;
  readonly proposals: Collection;
  readonly instruments: Collection;
  /** Published data, keyed by doi (= _id). */
  readonly publisheddata: Collection;
  readonly accounts: readonly FunctionalAccount[];
  readonly ldapAccounts: readonly LdapAccount[];
  readonly groups: SandboxGroups;
  /** PID_PREFIX; datasets get `${prefix}/${uuid}`. */
  readonly pidPrefix: string;
  /** DOI_PREFIX; published data get `${prefix}/${uuid}`. */
  readonly doiPrefix: string;
  readonly jwtSecret: string;
  /** JWT_EXPIRES_IN, seconds. */
  readonly jwtExpiresIn: number;
  /** Current time, ms (tests move it to expire tokens). */
  now(): number;
}

/** Creates empty collections. */
export function emptyCollections(): Pick<SandboxState, "datasets" | "origdatablocks" | "datablocks" | "attachments" | "samples" | "proposals" | "instruments" | "publisheddata"> {
  return {
    datasets: new Collection(),
    origdatablocks: new Collection(),
    datablocks: new Collection(),
    attachments: new Collection(),
    samples: new Collection(),
    proposals: new Collection(),
    instruments: new Collection(),
    publisheddata: new Collection(),
  };
}
