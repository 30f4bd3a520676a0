// Core's error codes and the type-level registry every package extends. Every error catkit
// throws carries a registered code, so callers (the CLI's exit codes, the server's status
// mapping) switch on `err.code` instead of on message text (fastify's FST_ERR_* is the model).
// Protocol codes are not here: each protocol package declares and registers its own
// (e.g. @catkit/ids ids-error-codes.ts), so a protocol change never needs a core release.
import { registerErrorCodes } from "./error-code-registry.js";

/**
 * The type-level registry of error codes: each key is a code. Core declares its own here;
 * every package adds its codes by module augmentation (the way Octokit's plugins widen
 * `OctokitOptions`), so {@link CatkitErrorCode} covers every code of the packages a program uses.
 *
 * @example
 * ```ts
 * export const TapeErrorCode = registerErrorCodes({ Offline: "TAPE_OFFLINE" } as const, { TAPE_OFFLINE: "…" });
 * declare module "@catkit/core" {
 *   interface CatkitErrorCodeRegistry extends Record<(typeof TapeErrorCode)[keyof typeof TapeErrorCode], true> {}
 * }
 * ```
 */
export interface CatkitErrorCodeRegistry {
  CATKIT_HTTP: true;
  CATKIT_NETWORK: true;
  CATKIT_TIMEOUT: true;
  CATKIT_ABORTED: true;
  CATKIT_AUTH: true;
  CATKIT_TOKEN_EXPIRED: true;
  CATKIT_RESPONSE_VALIDATION: true;
  CATKIT_RESPONSE_TOO_LARGE: true;
  CATKIT_INVALID_ARGUMENT: true;
  CATKIT_CONFIG: true;
  CATKIT_UNEXPECTED: true;
}

/**
 * Every error code the program knows of: core's and those of each catkit package it imports.
 *
 * @example
 * ```ts
 * function exitCode(code: CatkitErrorCode): number { return code === "CATKIT_CONFIG" ? 78 : 1; }
 * ```
 */
export type CatkitErrorCode = Extract<keyof CatkitErrorCodeRegistry, string>;

/**
 * Core's generic codes: transport, timeout, HTTP, auth, validation, config.
 *
 * @example
 * ```ts
 * import { CoreErrorCode, isCatkitError } from "@catkit/core";
 * catch (err) { if (isCatkitError(err) && err.code === CoreErrorCode.Timeout) retryLater(); }
 * ```
 */
export const CoreErrorCode = registerErrorCodes(
  {
    Http: "CATKIT_HTTP",
    Network: "CATKIT_NETWORK",
    Timeout: "CATKIT_TIMEOUT",
    Aborted: "CATKIT_ABORTED",
    Auth: "CATKIT_AUTH",
    TokenExpired: "CATKIT_TOKEN_EXPIRED",
    ResponseValidation: "CATKIT_RESPONSE_VALIDATION",
    ResponseTooLarge: "CATKIT_RESPONSE_TOO_LARGE",
    InvalidArgument: "CATKIT_INVALID_ARGUMENT",
    Config: "CATKIT_CONFIG",
    Unexpected: "CATKIT_UNEXPECTED",
  } as const,
  {
    CATKIT_HTTP: "the server answered with an HTTP error status",
    CATKIT_NETWORK: "the connection failed or broke (refused, reset, DNS, closed mid-body)",
    CATKIT_TIMEOUT: "a connect, headers, body or overall timeout elapsed",
    CATKIT_ABORTED: "the caller aborted the operation through its AbortSignal",
    CATKIT_AUTH: "authentication failed or no valid credential is available",
    CATKIT_TOKEN_EXPIRED: "the bearer token is expired or about to expire",
    CATKIT_RESPONSE_VALIDATION: "the server's response did not have the expected shape",
    CATKIT_RESPONSE_TOO_LARGE: "a response that should be small exceeded its size limit",
    CATKIT_INVALID_ARGUMENT: "an argument was rejected before any request was sent",
    CATKIT_CONFIG: "a configuration file, variable or flag is invalid",
    CATKIT_UNEXPECTED: "an unexpected internal error",
  },
);

