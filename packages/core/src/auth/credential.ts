/** A secret to put on requests: an ICAT/IDS session id or a bearer token. */
export interface AccessToken {
  readonly token: string;
  /** When it stops being valid (epoch ms), if known. */
  readonly expiresAt?: number;
}

/** Options of {@link Credential.getToken} and {@link Credential.renew}. */
export interface GetTokenOptions {
  signal?: AbortSignal | undefined;
}

/**
 * Supplies the secret a protocol client puts on its requests. One credential can serve several
 * clients: an ICAT login serves ICAT and IDS alike, as python-icat shares its sessionId.
 *
 * @example
 * ```ts
 * const credential: Credential = staticSession("3f2c…-…");
 * const { token } = await credential.getToken();
 * ```
 */
export interface Credential {
  /** Returns a usable token, logging in or refreshing first when needed. */
  getToken(options?: GetTokenOptions): Promise<AccessToken>;
  /**
   * The server rejected `rejected` (e.g. ICAT SESSION). Obtain a new token if possible and
   * resolve `true` when the request is worth retrying with a fresh {@link Credential.getToken}.
   */
  renew?(rejected: string, options?: GetTokenOptions): Promise<boolean>;
}
