// The sandbox's sessions, as icat.server keeps them (core/entity/Session.java,
// core/manager/SessionManager.java): a random UUID per login, an expiry `lifetimeMinutes` ahead,
// the same SESSION messages, refresh and logout that still work on an expired session until it is
// purged (they look it up with allowExpired=true), purging hourly.
import { randomUUID } from "node:crypto";
import { IcatEngineError } from "../engine/index.js";

/**
 * One session.
 *
 * @example
 * ```ts
 * const s: SandboxSession = { id: "0d9a3706-80d4-4d29-9ff3-4d65d4308a24", userName: "db/nbour", expiresAt: Date.now() + 7_200_000 };
 * ```
 */
export interface SandboxSession {
  readonly id: string;
  readonly userName: string;
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * Options of {@link SessionStore}.
 *
 * @example
 * ```ts
 * const options: SessionStoreOptions = { lifetimeMinutes: 0.05, now: () => clock.now() };
 * ```
 */
export interface SessionStoreOptions {
  /** icat.server `lifetimeMinutes` (default 120); fractions are allowed, for tests. */
  lifetimeMinutes?: number;
  /** The clock, epoch ms. */
  now?: () => number;
}

/**
 * The sessions of an ICAT sandbox.
 *
 * @example
 * ```ts
 * const sessions = new SessionStore({ lifetimeMinutes: 0.05 });
 * const id = sessions.login("db/nbour");
 * sessions.userName(id); // "db/nbour"
 * ```
 */
export class SessionStore {
  readonly lifetimeMinutes: number;
  readonly #now: () => number;
  readonly #sessions = new Map<string, SandboxSession>();

  constructor(options: SessionStoreOptions = {}) {
    this.lifetimeMinutes = options.lifetimeMinutes ?? 120;
    this.#now = options.now ?? Date.now;
  }

  /** Opens a session for `userName` (the authenticator has already said yes) and returns its id. */
  login(userName: string): string {
    const id = randomUUID();
    this.#sessions.set(id, { id, userName, expiresAt: this.#now() + this.lifetimeMinutes * 60_000 });
    return id;
  }

  // SessionManager.getSession
  #find(sessionId: string | null | undefined): SandboxSession {
    if (sessionId === null || sessionId === undefined || sessionId === "") {
      throw new IcatEngineError("SESSION", "Session Id cannot be null or empty.");
    }
    const session = this.#sessions.get(sessionId);
    if (session === undefined) throw new IcatEngineError("SESSION", `Unable to find user by sessionid: ${sessionId}`);
    return session;
  }

  #unexpired(sessionId: string | null | undefined): SandboxSession {
    const session = this.#find(sessionId);
    if (session.expiresAt < this.#now()) throw new IcatEngineError("SESSION", `Session id:${session.id} has expired`);
    return session;
  }

  /** The user of a valid session (SESSION error if missing, unknown or expired). */
  userName(sessionId: string | null | undefined): string {
    return this.#unexpired(sessionId).userName;
  }

  /** Minutes left, as a fraction (Session.getRemainingMinutes). */
  remainingMinutes(sessionId: string | null | undefined): number {
    const session = this.#unexpired(sessionId);
    return (session.expiresAt - this.#now()) / 60_000;
  }

  /** Extends a session to a full lifetime from now; an expired one too, until purged. */
  refresh(sessionId: string | null | undefined): void {
    this.#find(sessionId).expiresAt = this.#now() + this.lifetimeMinutes * 60_000;
  }

  /** Ends a session; an expired one too, until purged. */
  logout(sessionId: string | null | undefined): void {
    this.#sessions.delete(this.#find(sessionId).id);
  }

  /** Whether the user has a session, expired or not, that is not purged (Session.isLoggedIn counts them all). */
  isLoggedIn(userName: string): boolean {
    for (const session of this.#sessions.values()) if (session.userName === userName) return true;
    return false;
  }

  /** Makes a session expired now (as if its lifetime had passed). */
  expire(sessionId: string): void {
    this.#find(sessionId).expiresAt = this.#now() - 1;
  }

  /** Removes expired sessions (icat.server does this every hour); returns how many. */
  purgeExpired(): number {
    let removed = 0;
    for (const [id, session] of this.#sessions) {
      if (session.expiresAt < this.#now()) {
        this.#sessions.delete(id);
        removed++;
      }
    }
    return removed;
  }

  /** The number of sessions held (expired ones included until purged). */
  get size(): number {
    return this.#sessions.size;
  }
}
