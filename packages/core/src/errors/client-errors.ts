// Errors catkit raises itself, without a server saying so.
import { CatkitError, type CatkitErrorOptions } from "./catkit-error.js";
import { CoreErrorCode, type CatkitErrorCode } from "./error-codes.js";

/**
 * Authentication failed or no usable credential exists (e.g. a token about to expire).
 *
 * @example
 * ```ts
 * throw new AuthError("The bearer token expired at 2026-11-21T10:00:00Z; get a new token.", { code: CoreErrorCode.TokenExpired });
 * ```
 */
export class AuthError extends CatkitError {
  static override readonly kind: string = "catkit.AuthError";
  constructor(message: string, options: CatkitErrorOptions & { code?: CatkitErrorCode } = {}) {
    super(options.code ?? CoreErrorCode.Auth, message, options);
  }
}

/**
 * An argument was rejected before any request was sent (a non-numeric id, a malformed UUID, a
 * path escaping its target directory…). `argument` names the offending parameter.
 *
 * @example
 * ```ts
 * throw new InvalidArgumentError("datasetIds[2] must be a positive integer, got '12a'", { argument: "datasetIds" });
 * ```
 */
export class InvalidArgumentError extends CatkitError {
  static override readonly kind: string = "catkit.InvalidArgumentError";
  readonly argument: string | undefined;
  constructor(message: string, options: CatkitErrorOptions & { argument?: string; code?: CatkitErrorCode } = {}) {
    super(options.code ?? CoreErrorCode.InvalidArgument, message, options);
    this.argument = options.argument;
  }
  protected override details(): Record<string, unknown> {
    return this.argument === undefined ? {} : { argument: this.argument };
  }
}

/**
 * The server's response did not have the expected shape. `issues` lists each problem as
 * "<path>: <what was wrong>", readable without knowing zod.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ResponseValidationError) console.error(err.issues.join("\n")); }
 * ```
 */
export class ResponseValidationError extends CatkitError {
  static override readonly kind: string = "catkit.ResponseValidationError";
  readonly issues: readonly string[];
  readonly url: string | undefined;
  constructor(message: string, options: CatkitErrorOptions & { issues: readonly string[]; url?: string; code?: CatkitErrorCode }) {
    super(options.code ?? CoreErrorCode.ResponseValidation, message, options);
    this.issues = options.issues;
    this.url = options.url;
  }
  protected override details(): Record<string, unknown> {
    return { issues: this.issues, ...(this.url === undefined ? {} : { url: this.url }) };
  }
}

/** Where a configuration problem was found. */
export interface ConfigLocation {
  file?: string;
  section?: string;
  key?: string;
}

/**
 * A configuration file, environment variable or flag is invalid. The message names the file,
 * section and key.
 *
 * @example
 * ```ts
 * throw new ConfigError("checkCert must be a boolean (yes/no/true/false/on/off/1/0), got 'maybe'", { file, section: "root", key: "checkCert" });
 * ```
 */
export class ConfigError extends CatkitError {
  static override readonly kind: string = "catkit.ConfigError";
  readonly location: ConfigLocation;
  constructor(message: string, location: ConfigLocation = {}, options: CatkitErrorOptions = {}) {
    // The key is quoted: redaction masks what follows "password:" in prose, which would otherwise
    // eat the message after a key named password ("… password: line 3 …").
    const where = [location.file, location.section && `[${location.section}]`, location.key && `"${location.key}"`].filter(Boolean).join(" ");
    super(CoreErrorCode.Config, where ? `${where}: ${message}` : message, options);
    this.location = location;
  }
  protected override details(): Record<string, unknown> {
    return { ...this.location };
  }
}
