import type { IcatEngine } from "../engine/index.js";
import type { SandboxAuthenticator } from "./authenticators.js";
import type { SessionStore } from "./session-store.js";

/**
 * What the sandbox's routes work on.
 *
 * @example
 * ```ts
 * const state: IcatSandboxState = { engine, sessions, authenticators: DEFAULT_AUTHENTICATORS, version: "6.2.0", containerType: "Glassfish" };
 * ```
 */
export interface IcatSandboxState {
  readonly engine: IcatEngine;
  readonly sessions: SessionStore;
  readonly authenticators: readonly SandboxAuthenticator[];
  /** What `version` answers. */
  readonly version: string;
  /** What `properties` says in `containerType`. */
  readonly containerType: string;
}
