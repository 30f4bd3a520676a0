// The session half of IcatClient: construction (one transport for ICAT and IDS, the credential
// slot both sign with), login/logout/refresh, session and server information, the IDS client.
// IcatClient adds search, writes, paging and the data calls.
import { createClientContext, InvalidArgumentError, tokenAs, UndiciTransport, type Credential, type SessionCredential } from "@catkit/core";
import { IdsClient } from "@catkit/ids";
import type { IcatClientOptions } from "./icat-client-options.js";
import { ICAT_SERVICE, type CallOptions, type IcatContext } from "./operations/icat-context.js";
import { getSession, isLoggedIn, logoutSession, refreshSession, type LoginCredentials, type SessionInfo } from "./operations/session-calls.js";
import { properties, version, type IcatProperties } from "./operations/server-info.js";
import { CredentialSlot } from "./session/credential-slot.js";
import { icatSessionCredential } from "./session/icat-session.js";
import { isIcatSessionFailure } from "./session/session-failure.js";
import { ICAT_CLIENT_VERSION } from "./version.js";

/**
 * The session and server calls of {@link IcatClient} (its base class; use IcatClient).
 *
 * @example
 * ```ts
 * const icat = new IcatClient({ url: "https://icat.example.org/icat" });
 * await icat.login("db", { username: "nbour", password: "secret" });
 * console.log(await icat.getUserName(), await icat.getRemainingMinutes());
 * ```
 */
export class IcatSessionClient {
  /** The plumbing the calls share (core context, maxEntities cache). */
  protected readonly icatContext: IcatContext;
  readonly #slot: CredentialSlot;
  readonly #ids: IdsClient | undefined;
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
    this.icatContext = { core };
    const given = options.credential;
    if (typeof given === "string") this.#slot.set(icatSessionCredential(this.icatContext, { sessionId: given }, this.#sessionOptions()));
    else if (given !== undefined) this.#slot.set(given);
    const { idsUrl, ids, url: _url, credential: _credential, ...rest } = options;
    this.#ids = ids ?? (idsUrl === undefined ? undefined : new IdsClient({ ...rest, url: idsUrl, credential: this.#slot, ...(transport ? { transport } : {}) }));
  }

  #sessionOptions(): { refreshWindowMs?: number } {
    return this.#refreshWindowMs === undefined ? {} : { refreshWindowMs: this.#refreshWindowMs };
  }

  /** The ICAT base URL (with a trailing slash). */
  get url(): string {
    return this.icatContext.core.baseUrl.href;
  }

  /** The credential requests are signed with: hand it to other clients to share the session. */
  get credential(): Credential {
    return this.#slot;
  }

  /** The IDS client (python-icat `client.ids`). Throws when no IDS is configured. */
  get ids(): IdsClient {
    if (this.#ids === undefined) throw new InvalidArgumentError("No IDS is configured: create the IcatClient with idsUrl (or ids).", { argument: "idsUrl" });
    return this.#ids;
  }

  /** True when an IDS is configured. */
  get hasIds(): boolean {
    return this.#ids !== undefined;
  }

  // ---- session -------------------------------------------------------------------------------

  /** Logs in with an authenticator (`plugin`, e.g. "db") and returns the session id; the session then refreshes itself and is renewed once if ICAT rejects it. */
  async login(plugin: string, credentials: LoginCredentials, options: CallOptions = {}): Promise<string> {
    const session = icatSessionCredential(this.icatContext, { plugin, credentials }, this.#sessionOptions());
    const { token } = await session.getToken(options);
    this.#slot.set(session);
    return token;
  }

  /** Ends the session on the server and forgets it. */
  async logout(options: CallOptions = {}): Promise<void> {
    const current = this.#slot.current;
    if (current === undefined) return;
    if (typeof (current as Partial<SessionCredential>).logout === "function") await (current as SessionCredential).logout(options);
    else await logoutSession(this.icatContext, (await current.getToken(options)).token, options);
    this.#slot.set(undefined);
  }

  /** Extends the session to the full lifetime now (`PUT session/{id}`). */
  async refresh(options: CallOptions = {}): Promise<void> {
    await refreshSession(this.icatContext, (await this.#slot.getToken(options)).token, options);
  }

  /** The session's user name and remaining minutes (`GET session/{id}`). */
  async sessionInfo(options: CallOptions = {}): Promise<SessionInfo> {
    return getSession(this.icatContext, (await this.#slot.getToken(options)).token, options);
  }

  /** The session's user, e.g. "db/nbour" (python-icat getUserName). */
  async getUserName(options: CallOptions = {}): Promise<string> {
    return (await this.sessionInfo(options)).userName;
  }

  /** Minutes until the session expires (python-icat getRemainingMinutes). */
  async getRemainingMinutes(options: CallOptions = {}): Promise<number> {
    return (await this.sessionInfo(options)).remainingMinutes;
  }

  /** Whether a user has a session (`GET user/{name}`). */
  isLoggedIn(userName: string, options?: CallOptions): Promise<boolean> {
    return isLoggedIn(this.icatContext, userName, options);
  }

  /** The server version (python-icat getVersion). */
  version(options?: CallOptions): Promise<string> {
    return version(this.icatContext, options);
  }

  /** maxEntities, lifetimeMinutes and the authenticators (python-icat getProperties, getAuthenticatorInfo). */
  properties(options?: CallOptions): Promise<IcatProperties> {
    return properties(this.icatContext, options);
  }

  /** Closes idle connections (only when the client created its transport). */
  async close(): Promise<void> {
    await this.#ids?.close();
    await this.icatContext.core.close();
    await this.#ownTransport?.close();
  }
}
