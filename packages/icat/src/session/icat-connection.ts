// What an IcatClient is built on, besides its calls: one transport for ICAT and IDS, the
// credential slot both sign with (python-icat shares its sessionId with client.ids), the IDS
// client, and the session's life (login puts a self-refreshing session in the slot, refresh and
// sessionInfo use it, logout empties it). IcatClient holds one and delegates to it; catkit's
// users never see it.
import { createClientContext, tokenAs, UndiciTransport, type Credential, type GetTokenOptions, type SessionCredential } from "@catkit/core";
import { IdsClient } from "@catkit/ids";
import type { IcatClientOptions } from "../icat-client-options.js";
import { ICAT_SERVICE, type CallOptions, type IcatContext } from "../operations/icat-context.js";
import { getSession, logoutSession, refreshSession, type LoginCredentials, type SessionInfo } from "../operations/session-calls.js";
import { ICAT_CLIENT_VERSION } from "../version.js";
import { CredentialSlot } from "./credential-slot.js";
import { icatSessionCredential } from "./icat-session.js";
import { isIcatSessionFailure } from "./session-failure.js";

/**
 * The context, credential and IDS client of one {@link IcatClient}.
 *
 * @example
 * ```ts
 * const connection = new IcatConnection({ url: "https://icat.example.org/icat" });
 * await connection.login("db", { username: "nbour", password: "secret" });
 * const sessionId = await connection.sessionId();
 * ```
 */
export class IcatConnection {
  /** The plumbing the calls share (core context, maxEntities cache). */
  readonly context: IcatContext;
  /** The IDS client, when an IDS is configured. */
  readonly ids: IdsClient | undefined;
  readonly #slot: CredentialSlot;
  readonly #refreshWindowMs: number | undefined;
  readonly #ownTransport: UndiciTransport | undefined;

  constructor(options: IcatClientOptions) {
    // One transport for ICAT and IDS, unless the caller brings one.
    this.#ownTransport = options.transport === undefined ? new UndiciTransport(options.transportOptions) : undefined;
    const transport = options.transport ?? this.#ownTransport;
    this.#slot = new CredentialSlot();
    this.#refreshWindowMs = options.refreshWindowMs;
    const core = createClientContext(
      { ...options, credential: this.#slot, ...(transport ? { transport } : {}) },
      { name: "catkit-icat", version: ICAT_CLIENT_VERSION, auth: { apply: tokenAs.sessionParam("sessionId"), isAuthFailure: isIcatSessionFailure }, ...ICAT_SERVICE },
    );
    this.context = { core };
    const given = options.credential;
    if (typeof given === "string") this.#slot.set(icatSessionCredential(this.context, { sessionId: given }, this.#sessionOptions()));
    else if (given !== undefined) this.#slot.set(given);
    const { idsUrl, ids, url: _url, credential: _credential, ...rest } = options;
    this.ids = ids ?? (idsUrl === undefined ? undefined : new IdsClient({ ...rest, url: idsUrl, credential: this.#slot, ...(transport ? { transport } : {}) }));
  }

  #sessionOptions(): { refreshWindowMs?: number } {
    return this.#refreshWindowMs === undefined ? {} : { refreshWindowMs: this.#refreshWindowMs };
  }

  /** The credential requests are signed with: the slot, whatever session is in it. */
  get credential(): Credential {
    return this.#slot;
  }

  /** The current session id (logging in or refreshing first when the credential needs it). */
  async sessionId(options: GetTokenOptions = {}): Promise<string> {
    return (await this.#slot.getToken(options)).token;
  }

  /** Logs in and puts the new self-refreshing session in the slot; returns its id. */
  async login(plugin: string, credentials: LoginCredentials, options: CallOptions = {}): Promise<string> {
    const session = icatSessionCredential(this.context, { plugin, credentials }, this.#sessionOptions());
    const { token } = await session.getToken(options);
    this.#slot.set(session);
    return token;
  }

  /** Extends the session to the full lifetime now (`PUT session/{id}`). */
  async refresh(options: CallOptions = {}): Promise<void> {
    await refreshSession(this.context, await this.sessionId(options), options);
  }

  /** The session's user name and remaining minutes (`GET session/{id}`). */
  async sessionInfo(options: CallOptions = {}): Promise<SessionInfo> {
    return getSession(this.context, await this.sessionId(options), options);
  }

  /** Ends the session on the server and empties the slot. */
  async logout(options: CallOptions = {}): Promise<void> {
    const current = this.#slot.current;
    if (current === undefined) return;
    if (typeof (current as Partial<SessionCredential>).logout === "function") await (current as SessionCredential).logout(options);
    else await logoutSession(this.context, (await current.getToken(options)).token, options);
    this.#slot.set(undefined);
  }

  /** Closes idle connections (the transport only when this connection created it). */
  async close(): Promise<void> {
    await this.ids?.close();
    await this.context.core.close();
    await this.#ownTransport?.close();
  }
}
