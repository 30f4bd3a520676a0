import { registerSecret } from "../errors/redact.js";
import type { AccessToken, Credential } from "./credential.js";

/**
 * A credential that always returns the same token: a session id obtained elsewhere (for
 * example from an ICAT login in another program) or an API token. It cannot renew.
 *
 * @example
 * ```ts
 * const ids = new IdsClient({ url, credential: staticSession(process.env.ICAT_SESSION_ID!) });
 * ```
 */
export function staticSession(token: string): Credential {
  registerSecret(token);
  const value: AccessToken = { token };
  return { getToken: () => Promise.resolve(value) };
}
