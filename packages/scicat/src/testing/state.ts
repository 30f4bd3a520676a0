// The sandbox's database: one insertion-ordered map per backend collection, plus the settings
// the handlers need. Documents are stored as the backend returns them (plain JSON).
import type { FunctionalAccount, SandboxGroups } from "./accounts.js";

/** A stored document. */
export type Doc = Record<string, unknown>;

/** Everything the route handlers share. */
export interface SandboxState {
  readonly datasets: Map<string, Doc>;
  readonly origdatablocks: Map<string, Doc>;
  readonly datablocks: Map<string, Doc>;
  readonly attachments: Map<string, Doc>;
  readonly samples: Map<string, Doc>;
  readonly proposals: Map<string, Doc>;
  readonly instruments: Map<string, Doc>;
  readonly accounts: readonly FunctionalAccount[];
  readonly groups: SandboxGroups;
  /** PID_PREFIX; datasets get `${prefix}/${uuid}`. */
  readonly pidPrefix: string;
  readonly jwtSecret: string;
  /** JWT_EXPIRES_IN, seconds. */
  readonly jwtExpiresIn: number;
  /** Current time, ms (tests move it to expire tokens). */
  now(): number;
}

/** Creates empty collections. */
export function emptyCollections(): Pick<SandboxState, "datasets" | "origdatablocks" | "datablocks" | "attachments" | "samples" | "proposals" | "instruments"> {
  return {
    datasets: new Map(),
    origdatablocks: new Map(),
    datablocks: new Map(),
    attachments: new Map(),
    samples: new Map(),
    proposals: new Map(),
    instruments: new Map(),
  };
}
