// Whether a failed attempt is worth retrying forever (ICAT or the network is unwell: the message
// is fine and will apply once it recovers) or counts towards dead-lettering (ICAT or the mapping
// refused the message itself).
import { CatkitError, CoreErrorCode, HttpError } from "@catkit/core";
import { IcatErrorCode } from "@catkit/icat";

/**
 * "transient" or "refused".
 *
 * @example
 * ```ts
 * failureKind(new NetworkError("ECONNREFUSED")); // "transient"
 * ```
 */
export function failureKind(err: unknown): "transient" | "refused" {
  if (err instanceof HttpError) return err.status >= 500 || err.status === 429 || err.code === IcatErrorCode.Session ? "transient" : "refused";
  if (err instanceof CatkitError) {
    const transient: string[] = [CoreErrorCode.Network, CoreErrorCode.Timeout, CoreErrorCode.Aborted, CoreErrorCode.Auth, CoreErrorCode.TokenExpired, IcatErrorCode.Session, IcatErrorCode.Internal];
    return transient.includes(err.code) ? "transient" : "refused";
  }
  return "refused";
}
