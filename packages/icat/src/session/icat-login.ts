// icatLogin(): one ICAT login as a core Credential, for any catkit client. The IdsClient takes
// any Credential, so the same login serves ICAT and IDS (python-icat shares its sessionId).
import { createClientContext, type CoreClientOptions, type SessionCredential } from "@catkit/core";
import { ICAT_SERVICE } from "../operations/icat-context.js";
import { ICAT_CLIENT_VERSION } from "../version.js";
import { icatSessionCredential, type IcatSessionOptions, type IcatSessionSpec } from "./icat-session.js";

/**
 * Options of {@link icatLogin}: the ICAT URL (and any core client option for the session calls:
 * transport, retry, logger…), then either an authenticator and its credentials, or an existing
 * session id.
 *
 * @example
 * ```ts
 * const options: IcatLoginOptions = { url: "https://icat.example.org/icat", plugin: "db", credentials: { username: "nbour", password: "secret" } };
 * ```
 */
export type IcatLoginOptions = Omit<CoreClientOptions, "credential"> & IcatSessionOptions & IcatSessionSpec;

/**
 * Creates a login-backed ICAT session credential. It logs in on first use, refreshes itself before
 * it expires, logs in again when ICAT rejects the session, and `logout()` ends it.
 *
 * @example
 * ```ts
 * const credential = icatLogin({ url: ICAT_URL, plugin: "db", credentials: { username: "nbour", password: "secret" } });
 * const icat = new IcatClient({ url: ICAT_URL, credential });
 * const ids = new IdsClient({ url: IDS_URL, credential }); // same session
 * await credential.logout();
 * ```
 */
export function icatLogin(options: IcatLoginOptions): SessionCredential {
  const { url, transport, transportOptions, retry, userAgent, logger, policies } = options;
  const coreOptions: CoreClientOptions = {
    url,
    ...(transport === undefined ? {} : { transport }),
    ...(transportOptions === undefined ? {} : { transportOptions }),
    ...(retry === undefined ? {} : { retry }),
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(logger === undefined ? {} : { logger }),
    ...(policies === undefined ? {} : { policies }),
  };
  const core = createClientContext(coreOptions, { name: "catkit-icat", version: ICAT_CLIENT_VERSION, ...ICAT_SERVICE });
  const spec: IcatSessionSpec = "sessionId" in options ? { sessionId: options.sessionId } : { plugin: options.plugin, credentials: options.credentials };
  return icatSessionCredential({ core }, spec, {
    ...(options.refreshWindowMs === undefined ? {} : { refreshWindowMs: options.refreshWindowMs }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}
