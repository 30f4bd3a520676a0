import { AbortError, TimeoutError } from "../errors/transport-errors.js";

/**
 * Exponential backoff with jitter: attempt n (1-based) waits between half and all of
 * `initial * 2^(n-1)`, capped at `max` (the "equal jitter" variant: never zero, still spread).
 *
 * @example
 * ```ts
 * backoffDelay(3, 500, 30_000); // somewhere in [1000, 2000]
 * ```
 */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Parses a Retry-After header (delta-seconds or an HTTP date) into ms from now.
 *
 * @example
 * ```ts
 * parseRetryAfter("120"); // 120000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:00 GMT")); // 60000
 * ```
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Waits `ms`, rejecting with AbortError as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * await sleep(1_000, signal);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedWhileWaiting(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedWhileWaiting(signal));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// The same rule as toCatkitError: a signal from AbortSignal.timeout() (reason a DOMException
// named TimeoutError) is a deadline and gives TimeoutError; any other abort gives AbortError. So a
// caller's deadline reads the same whether it fires during a request or between two of them.
function abortedWhileWaiting(signal: AbortSignal | undefined): Error {
  const reason = signal?.reason as unknown;
  if (reason instanceof Error && reason.name === "TimeoutError") {
    return new TimeoutError("the caller's deadline passed while waiting", { phase: "total", cause: reason });
  }
  return new AbortError("aborted while waiting", { cause: reason });
}
