// Logs every attempt at debug level: method, redacted URL (cut to a readable length), status, time to headers. It sits in
// the last phase so that it sees each retry and the signed request (whose secrets the redacting
// logger masks).
import { quoteUrl } from "../errors/quote-url.js";
import type { Logger } from "../logging/logger.js";
import type { Policy } from "../pipeline/pipeline.js";
import { requestUrl } from "../transport/request.js";

/**
 * The logging policy (phase "send").
 *
 * @example
 * ```ts
 * createPipeline(transport, [logPolicy(pino())]);
 * ```
 */
export function logPolicy(logger: Logger): Policy {
  return {
    name: "log",
    phase: "send",
    async send(request, next) {
      const started = performance.now();
      const fields = { operation: request.operation, method: request.method, url: quoteUrl(requestUrl(request)) };
      try {
        const response = await next(request);
        logger.debug({ ...fields, status: response.status, ms: Math.round(performance.now() - started) }, "http response");
        return response;
      } catch (err) {
        logger.debug({ ...fields, error: err instanceof Error ? err.message : String(err), ms: Math.round(performance.now() - started) }, "http request failed");
        throw err;
      }
    },
  };
}
