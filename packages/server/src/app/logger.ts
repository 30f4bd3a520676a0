// pino JSON logs that never carry a secret: every string argument and every field goes through
// core's redaction (session ids, preparedIds, passwords, tokens, registered API keys), and
// requests are logged by method and redacted URL only (no headers: Authorization stays out).
import { redact } from "@catkit/core";
import { redactUrl, redactValue } from "@catkit/core/internal";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Creates the server's logger.
 *
 * @example
 * ```ts
 * const log = createLogger("info");
 * log.info({ url: "/ids/getData?sessionId=abc" }, "proxying"); // sessionId=[REDACTED]
 * ```
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "catkit-server" },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: redactUrl(`http://h${req.url ?? ""}`).slice("http://h".length), ip: req.ip }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: unknown) => redactValue(pino.stdSerializers.err(err as Error)) as object,
    },
    // pino runs this before the serializers: req/res/err are left to their serializers above (a
    // deep copy here would drop fastify's request getters, logging every request as "/").
    formatters: {
      log: ({ req, res, err, ...rest }) => ({ ...(redactValue(rest) as Record<string, unknown>), ...(req === undefined ? {} : { req }), ...(res === undefined ? {} : { res }), ...(err === undefined ? {} : { err }) }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a: unknown) => (typeof a === "string" ? redact(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
