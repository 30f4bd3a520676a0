// ICAT's session resource (ICATRest.java login, getSession, refresh, logout, isLoggedIn): the
// session id goes in the path, so these requests are sent unsigned.
import { InvalidArgumentError, readJson } from "@catkit/core";
import { z } from "zod";
import { sendIcat, type CallOptions, type IcatContext } from "./icat-context.js";

const LoginAnswer = z.object({ sessionId: z.string().min(1) });
const SessionAnswer = z.object({ userName: z.string(), remainingMinutes: z.number() });
const LoggedInAnswer = z.object({ loggedIn: z.boolean() });

/**
 * What ICAT says about a session (`GET session/{id}`).
 *
 * @example
 * ```ts
 * const { userName, remainingMinutes } = await icat.sessionInfo(); // "db/nbour", 119.98
 * ```
 */
export interface SessionInfo {
  /** The user, with the authenticator's mechanism: "db/nbour". */
  readonly userName: string;
  /** Minutes until the session expires (a fraction). */
  readonly remainingMinutes: number;
}

/**
 * Credentials for an authenticator, by key: `{ username, password }` for most.
 *
 * @example
 * ```ts
 * const credentials: LoginCredentials = { username: "nbour", password: "secret" };
 * ```
 */
export type LoginCredentials = Readonly<Record<string, string>>;

const sessionPath = (sessionId: string) => `session/${encodeURIComponent(sessionId)}`;

/**
 * Logs in (`POST session`, form `json=`) and returns the new session id. The credentials are sent
 * one object per key, as icat.client does: `[{"username":"u"},{"password":"p"}]`.
 *
 * @example
 * ```ts
 * const sessionId = await login(ctx, "db", { username: "nbour", password: "secret" });
 * ```
 */
export async function login(ctx: IcatContext, plugin: string, credentials: LoginCredentials, options: CallOptions = {}): Promise<string> {
  if (typeof plugin !== "string" || plugin === "") throw new InvalidArgumentError("plugin (the authenticator mnemonic, e.g. \"db\") must be a non-empty string", { argument: "plugin" });
  if (typeof credentials !== "object" || credentials === null) throw new InvalidArgumentError("credentials must be an object such as { username, password }", { argument: "credentials" });
  for (const [key, value] of Object.entries(credentials)) {
    if (typeof value !== "string") throw new InvalidArgumentError(`credentials.${key} must be a string`, { argument: "credentials" });
  }
  const json = JSON.stringify({ plugin, credentials: Object.entries(credentials).map(([key, value]) => ({ [key]: value })) });
  const res = await sendIcat(ctx, { method: "POST", path: "session", form: { json }, session: false, operation: "icat.login", signal: options.signal });
  return (await readJson(res, LoginAnswer)).sessionId;
}

/**
 * `GET session/{id}`: the user name and the minutes left.
 *
 * @example
 * ```ts
 * const { remainingMinutes } = await getSession(ctx, sessionId);
 * ```
 */
export async function getSession(ctx: IcatContext, sessionId: string, options: CallOptions = {}): Promise<SessionInfo> {
  const res = await sendIcat(ctx, { method: "GET", path: sessionPath(sessionId), session: false, operation: "icat.getSession", signal: options.signal });
  return readJson(res, SessionAnswer);
}

/**
 * `PUT session/{id}`: the session lives `lifetimeMinutes` from now.
 *
 * @example
 * ```ts
 * await refreshSession(ctx, sessionId);
 * ```
 */
export async function refreshSession(ctx: IcatContext, sessionId: string, options: CallOptions = {}): Promise<void> {
  await sendIcat(ctx, { method: "PUT", path: sessionPath(sessionId), session: false, expected: [200, 204], operation: "icat.refresh", signal: options.signal });
}

/**
 * `DELETE session/{id}`: ends the session.
 *
 * @example
 * ```ts
 * await logoutSession(ctx, sessionId);
 * ```
 */
export async function logoutSession(ctx: IcatContext, sessionId: string, options: CallOptions = {}): Promise<void> {
  await sendIcat(ctx, {
    method: "DELETE",
    path: sessionPath(sessionId),
    session: false,
    expected: [200, 204],
    idempotent: false,
    operation: "icat.logout",
    signal: options.signal,
  });
}

/**
 * `GET user/{name}`: whether the user has a session (name with or without the mechanism).
 *
 * @example
 * ```ts
 * await isLoggedIn(ctx, "db/nbour"); // true
 * ```
 */
export async function isLoggedIn(ctx: IcatContext, userName: string, options: CallOptions = {}): Promise<boolean> {
  if (typeof userName !== "string" || userName === "") throw new InvalidArgumentError("userName must be a non-empty string", { argument: "userName" });
  const path = `user/${userName.split("/").map(encodeURIComponent).join("/")}`;
  const res = await sendIcat(ctx, { method: "GET", path, session: false, operation: "icat.isLoggedIn", signal: options.signal });
  return (await readJson(res, LoggedInAnswer)).loggedIn;
}
