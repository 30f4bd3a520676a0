// The sessions of the IDS sandbox's in-memory catalogue and its simple access model: a session
// reads all investigations or a list of them, and may or may not write datafiles. Unknown and
// expired sessions fail with ICAT's SESSION messages (icat.server SessionManager).
import { randomUUID } from "node:crypto";
import { CatalogueError, type CatalogueDataset } from "./catalogue.js";

/**
 * Who a session may read and whether it may create and delete datafiles.
 *
 * @example
 * ```ts
 * const sessionId = catalogue.createSession("db/guest", { readable: [investigationId], writable: false });
 * ```
 */
export interface MemorySessionOptions {
  /** "all" (default) or the investigation ids the user may read. */
  readable?: "all" | readonly number[];
  /** May create and delete datafiles (default true). */
  writable?: boolean;
}

/**
 * One session: its user and what it may do.
 *
 * @example
 * ```ts
 * const s: MemorySession = { userName: "db/root", readable: "all", writable: true, expired: false };
 * ```
 */
export interface MemorySession extends Required<MemorySessionOptions> {
  userName: string;
  expired: boolean;
}

/**
 * The sessions of an {@link InMemoryCatalogue}.
 *
 * @example
 * ```ts
 * const sessions = new MemorySessions();
 * const session = sessions.get(sessions.create("db/nbour"));
 * ```
 */
export class MemorySessions {
  readonly #sessions = new Map<string, MemorySession>();

  /** Opens a session for `userName` and returns its id (a lowercase UUID, as ICAT's). */
  create(userName: string, options: MemorySessionOptions): string {
    const id = randomUUID();
    this.#sessions.set(id, { userName, readable: options.readable ?? "all", writable: options.writable ?? true, expired: false });
    return id;
  }

  /** Makes a session expired, as after ICAT's lifetimeMinutes. */
  expire(sessionId: string): void {
    const session = this.#sessions.get(sessionId);
    if (session) session.expired = true;
  }

  /** The session with this id (none: an anonymous reader, for public data calls). */
  get(sessionId: string | undefined): MemorySession {
    if (sessionId === undefined) return { userName: "reader", readable: "all", writable: false, expired: false };
    const session = this.#sessions.get(sessionId);
    if (!session) throw new CatalogueError("SESSION", `Unable to find user by sessionid: ${sessionId}`);
    if (session.expired) throw new CatalogueError("SESSION", `Session id:${sessionId} has expired`);
    return session;
  }
}

/**
 * Whether `session` may read `dataset`.
 *
 * @example
 * ```ts
 * canRead({ userName: "db/guest", readable: [7], writable: false, expired: false }, dataset);
 * ```
 */
export function canRead(session: MemorySession, dataset: CatalogueDataset): boolean {
  return session.readable === "all" || session.readable.includes(dataset.investigation.id);
}
