// Retries transient failures of idempotent requests. A request is retried only when
// - it is idempotent (GET/HEAD/PUT/DELETE/OPTIONS, or marked `idempotent: true`; a PUT that
//   creates something, like IDS put, marks itself `idempotent: false`), and
// - its body can be sent again (no one-shot streams), and
// - it failed to connect / was reset / timed out before headers, or the status is in
//   `statusCodes` (429, 502, 503, 504 by default) and never one of 400/401/403/404/409/412/422.
// Waits are exponential with jitter; Retry-After wins when present; the total time is bounded.
import { CatkitError } from "../errors/catkit-error.js";
import { NetworkError, TimeoutError } from "../errors/transport-errors.js";
import { silentLogger, type Logger } from "../logging/logger.js";
import type { Policy } from "../pipeline/pipeline.js";
import { isReplayable, type CatkitRequest } from "../transport/request.js";
import { header, type CatkitResponse } from "../transport/response.js";
import { discardBody } from "../body/read-body.js";
import { backoffDelay, parseRetryAfter, sleep } from "./backoff.js";
import { DEFAULT_RETRY, IDEMPOTENT_METHODS, NEVER_RETRY_STATUSES, type RetryOptions } from "./retry-options.js";

function retriableError(err: unknown, options: RetryOptions): boolean {
  if (!options.retryNetworkErrors) return false;
  if (err instanceof NetworkError) return true;
  return err instanceof TimeoutError && (err.phase === "connect" || err.phase === "headers");
}

function retriableStatus(status: number, options: RetryOptions): boolean {
  return options.statusCodes.includes(status) && !NEVER_RETRY_STATUSES.has(status);
}

/**
 * The retry policy (phase "retry"). Per call, `request.retry` may disable it (`false`) or
 * override options.
 *
 * @example
 * ```ts
 * const send = createPipeline(transport, [retryPolicy({ maxAttempts: 6 }, logger)]);
 * await send({ method: "GET", url, retry: { maxElapsedMs: 10_000 } });
 * ```
 */
export function retryPolicy(defaults: Partial<RetryOptions> = {}, logger: Logger = silentLogger): Policy {
  const base: RetryOptions = { ...DEFAULT_RETRY, ...defaults };
  return {
    name: "retry",
    phase: "retry",
    async send(request: CatkitRequest, next) {
      if (request.retry === false) return next(request);
      const options: RetryOptions = { ...base, ...request.retry };
      const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
      if (!idempotent || !isReplayable(request.body) || options.maxAttempts <= 1) return next(request);

      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        let response: CatkitResponse | undefined;
        let failure: unknown;
        try {
          response = await next(request);
          if (!retriableStatus(response.status, options)) return response;
        } catch (err) {
          if (!retriableError(err, options)) throw err;
          failure = err;
        }
        const retryAfter = response ? parseRetryAfter(header(response, "retry-after")) : undefined;
        const delay = retryAfter ?? backoffDelay(attempt, options.initialDelayMs, options.maxDelayMs);
        const outOfTime = Date.now() + delay - started > options.maxElapsedMs;
        if (attempt >= options.maxAttempts || outOfTime) {
          if (response) return response; // the caller maps the status to its typed error
          throw failure instanceof CatkitError ? failure : new NetworkError("request failed", { cause: failure });
        }
        if (response) await discardBody(response);
        logger.warn(
          { operation: request.operation, method: request.method, attempt, delayMs: delay, status: response?.status, error: failure instanceof Error ? failure.message : undefined },
          "retrying request",
        );
        await sleep(delay, request.signal);
      }
    },
  };
}
