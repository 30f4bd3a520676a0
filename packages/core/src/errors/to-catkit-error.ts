// Maps whatever undici, node:net or an AbortSignal throws onto the catkit hierarchy, so callers
// only ever see CatkitError subclasses. undici's codes: lib/core/errors.js (UND_ERR_*).
import { CatkitError } from "./catkit-error.js";
import { CoreErrorCode } from "./error-codes.js";
import { quoteUrl } from "./quote-url.js";
import { AbortError, NetworkError, TimeoutError } from "./transport-errors.js";

const TIMEOUTS: Readonly<Record<string, "connect" | "headers" | "body">> = {
  UND_ERR_CONNECT_TIMEOUT: "connect",
  UND_ERR_HEADERS_TIMEOUT: "headers",
  UND_ERR_BODY_TIMEOUT: "body",
};

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_DESTROYED",
  "UND_ERR_INFO",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
  "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH",
  "ERR_STREAM_PREMATURE_CLOSE",
  "UND_ERR_PRX_TLS",
  // The fast path's chunked decoder: the connection's bytes broke the framing.
  "CATKIT_BAD_CHUNKED_BODY",
]);

function codeOf(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string") return code;
  // undici wraps connect failures: the system code sits on the cause (or an AggregateError's errors).
  const cause = (err as { cause?: unknown }).cause;
  if (cause !== undefined && cause !== err) return codeOf(cause);
  const errors = (err as { errors?: unknown }).errors;
  return Array.isArray(errors) ? codeOf(errors[0]) : undefined;
}

/** Where the failing request was going, for the message. */
export interface ErrorContext {
  method?: string;
  url?: string;
  signal?: AbortSignal | undefined;
}

/**
 * Converts any thrown value into a {@link CatkitError}; catkit errors pass through unchanged.
 *
 * @example
 * ```ts
 * try { await dispatcher.request(opts); } catch (err) { throw toCatkitError(err, { method: "GET", url }); }
 * ```
 */
export function toCatkitError(err: unknown, context: ErrorContext = {}): CatkitError {
  if (err instanceof CatkitError) return err;
  const where = context.method && context.url ? `${context.method} ${quoteUrl(context.url)}` : "request";
  const reason = context.signal?.aborted ? (context.signal.reason as unknown) : undefined;
  const name = typeof err === "object" && err !== null ? (err as { name?: unknown }).name : undefined;
  const code = codeOf(err);
  const detail = err instanceof Error ? err.message : String(err);

  // AbortSignal.timeout() aborts with a DOMException named TimeoutError: that is a deadline, not a user abort.
  if (name === "TimeoutError" || (reason instanceof Error && reason.name === "TimeoutError")) {
    return new TimeoutError(`${where} did not finish before the caller's deadline`, { phase: "total", cause: err });
  }
  if (reason instanceof CatkitError) return reason;
  if (name === "AbortError" || code === "UND_ERR_ABORTED" || code === "ABORT_ERR" || context.signal?.aborted) {
    return new AbortError(`${where} was aborted`, { cause: err });
  }
  const phase = code === undefined ? undefined : TIMEOUTS[code];
  if (phase !== undefined) {
    return new TimeoutError(`${where}: ${phase} timeout elapsed (${detail})`, { phase, cause: err });
  }
  // OpenSSL's alerts (ERR_SSL_*: the server refused the handshake, e.g. for a missing client
  // certificate) end the connection: undici reports them as a socket error, the fast path as is.
  if (code !== undefined && (NETWORK_CODES.has(code) || code.startsWith("ERR_SSL_"))) {
    return new NetworkError(`${where} failed: ${detail} (${code})`, { errno: code, cause: err });
  }
  return new CatkitError(CoreErrorCode.Unexpected, `${where} failed unexpectedly: ${detail}`, { cause: err });
}
