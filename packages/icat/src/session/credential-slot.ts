// The credential an IcatClient (and the IdsClient it creates) signs with. It can be filled later:
// python-icat's `client.login()` happens after the client exists, and `logout()` empties it. The
// IDS client holds the same slot, so one login serves both, as python-icat shares its sessionId.
import { AuthError, type AccessToken, type Credential, type GetTokenOptions } from "@catkit/core";

/**
 * A {@link Credential} that delegates to whichever credential is in it.
 *
 * @example
 * ```ts
 * const slot = new CredentialSlot();
 * slot.set(icatLogin({ url, plugin: "db", credentials: { username: "nbour", password: "secret" } }));
 * const { token } = await slot.getToken();
 * ```
 */
export class CredentialSlot implements Credential {
  #current: Credential | undefined;

  constructor(initial?: Credential) {
    this.#current = initial;
  }

  /** The credential in the slot, if any. */
  get current(): Credential | undefined {
    return this.#current;
  }

  /** Puts a credential in the slot (replacing any other). */
  set(credential: Credential | undefined): void {
    this.#current = credential;
  }

  getToken(options?: GetTokenOptions): Promise<AccessToken> {
    if (this.#current === undefined) {
      return Promise.reject(new AuthError("Not logged in to ICAT: call icat.login(plugin, credentials) or create the client with a credential."));
    }
    return this.#current.getToken(options);
  }

  async renew(rejected: string, options?: GetTokenOptions): Promise<boolean> {
    const current = this.#current;
    if (current?.renew === undefined) return false;
    return current.renew(rejected, options);
  }
}
