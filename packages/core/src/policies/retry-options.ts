/** How the retry policy retries. Every field has a default (`DEFAULT_RETRY` in "@catkit/core/internal"). */
export interface RetryOptions {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Base of the exponential backoff, ms. */
  initialDelayMs: number;
  /** Longest single wait, ms. */
  maxDelayMs: number;
  /** Give up when the next wait would end later than this after the first attempt, ms. */
  maxElapsedMs: number;
  /** Response statuses worth retrying. 400/401/403/404/409/412/422 are never retried. */
  statusCodes: readonly number[];
  /** Retry connection errors (refused, reset, DNS, connect/headers timeouts). */
  retryNetworkErrors: boolean;
}

/**
 * Defaults: 4 attempts, 500 ms doubling up to 30 s with jitter, within 2 minutes, on 429, 502,
 * 503 and 504 and on connection errors (undici RetryHandler's defaults, minus 500: a 500 from
 * ICAT or IDS is a real server error, not a transient one).
 *
 * @example
 * ```ts
 * const client = new IdsClient({ url, credential, retry: { ...DEFAULT_RETRY, maxAttempts: 6 } });
 * ```
 */
export const DEFAULT_RETRY: Readonly<RetryOptions> = {
  maxAttempts: 4,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxElapsedMs: 120_000,
  statusCodes: [429, 502, 503, 504],
  retryNetworkErrors: true,
};

/** Statuses that say "your request is wrong": retrying cannot help (Octokit's doNotRetry). */
export const NEVER_RETRY_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 409, 412, 422]);

/** Methods that may be sent twice without changing the outcome. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
