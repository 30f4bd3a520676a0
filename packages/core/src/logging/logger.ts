// A logger interface compatible with pino (and with console-like loggers that accept an object
// first). catkit is silent unless given one, and every logger it is given is wrapped so that
// nothing secret reaches it.
import { redact, redactValue } from "../errors/redact.js";

/** One log method: `(message)` or `(fields, message?)`, as pino takes them. */
export interface LogFn {
  (message: string): void;
  (fields: object, message?: string): void;
}

/**
 * A pino-compatible logger. Pass `pino()` directly.
 *
 * @example
 * ```ts
 * import pino from "pino";
 * const ids = new IdsClient({ url, credential, logger: pino({ level: "debug" }) });
 * ```
 */
export interface Logger {
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const noop: LogFn = () => {};

/**
 * A logger that drops everything: catkit's default.
 *
 * @example
 * ```ts
 * const log: Logger = silentLogger;
 * ```
 */
export const silentLogger: Logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop };

const LEVELS = ["trace", "debug", "info", "warn", "error"] as const;

/**
 * Wraps a logger so that every message and field passes through redaction first.
 *
 * @example
 * ```ts
 * const log = redactingLogger(pino());
 * log.info({ url: "…?sessionId=abc" }, "request"); // logs sessionId=[REDACTED]
 * ```
 */
export function redactingLogger(logger: Logger): Logger {
  if (logger === silentLogger) return logger;
  const wrapped = {} as Logger;
  for (const level of LEVELS) {
    const target = logger[level].bind(logger) as (...args: unknown[]) => void;
    wrapped[level] = ((first: unknown, message?: string) => {
      if (typeof first === "string") target(redact(first));
      else if (message === undefined) target(redactValue(first));
      else target(redactValue(first), redact(message));
    });
  }
  return wrapped;
}
