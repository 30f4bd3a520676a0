// Errors raised before or while talking to a server, not by the server's answer.
import { CatkitError, type CatkitErrorOptions } from "./catkit-error.js";
import { CoreErrorCode } from "./error-codes.js";

/**
 * The connection failed or broke: refused, reset, DNS failure, closed in the middle of a body.
 * `errno` keeps the system or undici code (ECONNRESET, UND_ERR_SOCKET, …).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof NetworkError) resumeFrom(bytesWritten); }
 * ```
 */
export class NetworkError extends CatkitError {
  static override readonly kind: string = "catkit.NetworkError";
  readonly errno: string | undefined;
  constructor(message: string, options: CatkitErrorOptions & { errno?: string } = {}) {
    super(CoreErrorCode.Network, message, options);
    this.errno = options.errno;
  }
  protected override details(): Record<string, unknown> {
    return this.errno === undefined ? {} : { errno: this.errno };
  }
}

/** Which timeout elapsed. */
export type TimeoutPhase = "connect" | "headers" | "body" | "total";

/**
 * A timeout elapsed: connecting, waiting for response headers, waiting between body chunks, or
 * the caller's overall deadline (an `AbortSignal.timeout()`).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof TimeoutError && err.phase === "headers") useLongerTimeout(); }
 * ```
 */
export class TimeoutError extends CatkitError {
  static override readonly kind: string = "catkit.TimeoutError";
  readonly phase: TimeoutPhase;
  constructor(message: string, options: CatkitErrorOptions & { phase: TimeoutPhase }) {
    super(CoreErrorCode.Timeout, message, options);
    this.phase = options.phase;
  }
  protected override details(): Record<string, unknown> {
    return { phase: this.phase };
  }
}

/**
 * The caller aborted through its AbortSignal. Never retried.
 *
 * @example
 * ```ts
 * const ac = new AbortController();
 * const p = ids.download(sel, "out.zip", { signal: ac.signal });
 * ac.abort(); // p rejects with AbortError
 * ```
 */
export class AbortError extends CatkitError {
  static override readonly kind: string = "catkit.AbortError";
  constructor(message = "The operation was aborted", options: CatkitErrorOptions = {}) {
    super(CoreErrorCode.Aborted, message, options);
  }
}
