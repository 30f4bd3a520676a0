// pino JSON logs that never carry a secret: every string argument and every field goes through
// core's redaction (session ids, preparedIds, passwords, tokens, registered API keys), and
// requests are logged by method and redacted URL only (no headers: Authorization stays out).
import { redact } from "@catkit/core";
import { redactUrl, redactValue } from "@catkit/core/internal";
import type { FastifyBaseLogger } from "fastify";
import pino, { type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger } from "pino";

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

type Level = "fatal" | "error" | "warn" | "info" | "debug" | "trace";

/**
 * The logger of one request: fastify gives every request a child logger bound to its request id,
 * and pino builds a child by serializing its bindings, a cost paid on every request even when
 * nothing is logged (the cached look-up logs nothing at warn). This one makes the pino child on
 * its first enabled log call; below the level a call is one level check.
 */
class RequestLogger implements FastifyBaseLogger {
  readonly #parent: Logger;
  readonly #bindings: Bindings;
  #child: Logger | undefined;

  constructor(parent: Logger, bindings: Bindings) {
    this.#parent = parent;
    this.#bindings = bindings;
  }

  get level(): string {
    return (this.#child ?? this.#parent).level;
  }

  set level(level: string) {
    this.#real().level = level;
  }

  #real(): Logger {
    return (this.#child ??= this.#parent.child(this.#bindings));
  }

  #log(level: Level, args: unknown[]): void {
    if (!(this.#child ?? this.#parent).isLevelEnabled(level)) return;
    const child = this.#real();
    Reflect.apply(child[level], child, args);
  }

  // Methods, not arrow-function fields: fields would make seven closures for every request.
  fatal(...args: unknown[]): void {
    this.#log("fatal", args);
  }
  error(...args: unknown[]): void {
    this.#log("error", args);
  }
  warn(...args: unknown[]): void {
    this.#log("warn", args);
  }
  info(...args: unknown[]): void {
    this.#log("info", args);
  }
  debug(...args: unknown[]): void {
    this.#log("debug", args);
  }
  trace(...args: unknown[]): void {
    this.#log("trace", args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#real().child(bindings, options);
  }
}

/**
 * fastify's `childLoggerFactory` for the server whose logger is `root`: a lazily made child per
 * request (see RequestLogger), or pino's own child when a route sets its own level or serializers.
 *
 * @example
 * ```ts
 * const app = Fastify({ loggerInstance: logger, childLoggerFactory: requestLoggerFactory(logger) });
 * ```
 */
export function requestLoggerFactory(root: Logger): (logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) => FastifyBaseLogger {
  return (logger, bindings, options) =>
    options.level !== undefined || options.serializers !== undefined ? logger.child(bindings, options) : new RequestLogger(root, bindings);
}
