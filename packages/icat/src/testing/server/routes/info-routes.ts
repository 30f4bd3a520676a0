// GET version, properties, user/{name}, user/{mnemonic}/{name} (ICATRest.getVersion,
// getProperties, isLoggedIn1/2): no session needed.
import type { ServerResponse } from "node:http";
import { describeAuthenticators } from "../authenticators.js";
import { sendIcatJson } from "../icat-http.js";
import type { IcatSandboxState } from "../sandbox-state.js";

/**
 * `GET version`: `{"version":"6.2.0"}`.
 *
 * @example
 * ```ts
 * versionRoute(state, res);
 * ```
 */
export function versionRoute(state: IcatSandboxState, res: ServerResponse): void {
  sendIcatJson(res, 200, { version: state.version });
}

/**
 * `GET properties`: maxEntities, lifetimeMinutes, authenticators, containerType.
 *
 * @example
 * ```ts
 * propertiesRoute(state, res);
 * ```
 */
export function propertiesRoute(state: IcatSandboxState, res: ServerResponse): void {
  sendIcatJson(res, 200, {
    maxEntities: state.engine.maxEntities,
    lifetimeMinutes: state.sessions.lifetimeMinutes,
    authenticators: describeAuthenticators(state.authenticators),
    containerType: state.containerType,
  });
}

/**
 * `GET user/{name}`: `{"loggedIn":…}` (the code writes `loggedIn`, though its javadoc says `isLoggedIn`).
 *
 * @example
 * ```ts
 * loggedInRoute(state, "db/nbour", res);
 * ```
 */
export function loggedInRoute(state: IcatSandboxState, userName: string, res: ServerResponse): void {
  sendIcatJson(res, 200, { loggedIn: state.sessions.isLoggedIn(userName) });
}
