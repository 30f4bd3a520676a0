// POST session (login), GET/PUT/DELETE session/{id} (ICATRest.login, getSession, refresh, logout).
import type { IncomingMessage, ServerResponse } from "node:http";
import { readForm } from "@catkit/core/testing";
import { authenticate, parseLoginJson } from "../authenticators.js";
import { sendIcatEmpty, sendIcatJson } from "../icat-http.js";
import type { IcatSandboxState } from "../sandbox-state.js";

/**
 * `POST session` with form `json`: authenticates and answers `{"sessionId":"<uuid>"}`.
 *
 * @example
 * ```ts
 * await loginRoute(state, req, res);
 * ```
 */
export async function loginRoute(state: IcatSandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const { plugin, credentials } = parseLoginJson(form.get("json"));
  const userName = authenticate(state.authenticators, plugin, credentials);
  sendIcatJson(res, 200, { sessionId: state.sessions.login(userName) });
}

/**
 * `GET session/{id}`: `{"userName":…,"remainingMinutes":<double>}`.
 *
 * @example
 * ```ts
 * getSessionRoute(state, sessionId, res);
 * ```
 */
export function getSessionRoute(state: IcatSandboxState, sessionId: string, res: ServerResponse): void {
  // ICATRest.getSession asks for the user name first, then the minutes.
  const userName = state.sessions.userName(sessionId);
  sendIcatJson(res, 200, { userName, remainingMinutes: state.sessions.remainingMinutes(sessionId) });
}

/**
 * `PUT session/{id}`: refresh, 204.
 *
 * @example
 * ```ts
 * refreshRoute(state, sessionId, res);
 * ```
 */
export function refreshRoute(state: IcatSandboxState, sessionId: string, res: ServerResponse): void {
  state.sessions.refresh(sessionId);
  sendIcatEmpty(res);
}

/**
 * `DELETE session/{id}`: logout, 204.
 *
 * @example
 * ```ts
 * logoutRoute(state, sessionId, res);
 * ```
 */
export function logoutRoute(state: IcatSandboxState, sessionId: string, res: ServerResponse): void {
  state.sessions.logout(sessionId);
  sendIcatEmpty(res);
}
