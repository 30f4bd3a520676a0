/**
 * The error codes icat.server reports in the `code` field of its error bodies
 * (icat.authentication IcatException.java `IcatExceptionType`).
 *
 * @example
 * ```ts
 * ICAT_ERROR_CODES.includes("SESSION"); // true
 * ```
 */
export const ICAT_ERROR_CODES = [
  "BAD_PARAMETER",
  "INTERNAL",
  "INSUFFICIENT_PRIVILEGES",
  "NO_SUCH_OBJECT_FOUND",
  "OBJECT_ALREADY_EXISTS",
  "SESSION",
  "VALIDATION",
  "NOT_IMPLEMENTED",
] as const;

/**
 * One of {@link ICAT_ERROR_CODES}.
 *
 * @example
 * ```ts
 * const code: IcatExceptionType = "BAD_PARAMETER";
 * ```
 */
export type IcatExceptionType = (typeof ICAT_ERROR_CODES)[number];

/**
 * The error the sandbox engine throws: icat.server's `code` and `message`, and for batch writes
 * and deletes the `offset` of the failing element. The HTTP layer turns it into
 * `{"code":…,"message":…,"offset":…}` with the status of icat-ids.md §1.6. It is the server's
 * exception, not a client error, so it is a plain Error: its `code` is ICAT's wire type and its
 * toJSON the wire body, not a catkit code and a redacted description.
 *
 * @example
 * ```ts
 * try { engine.search("db/root", "SELECT x FROM Nothing x"); }
 * catch (e) { if (e instanceof IcatEngineError) console.error(e.code, e.message); }
 * ```
 */
export class IcatEngineError extends Error {
  override readonly name = "IcatEngineError";
  readonly code: IcatExceptionType;
  readonly offset: number | undefined;

  constructor(code: IcatExceptionType, message: string, offset?: number) {
    super(message);
    this.code = code;
    this.offset = offset;
  }

  /**
   * A copy of this error carrying `offset` (icat.server sets it when a batch call fails).
   *
   * @example
   * ```ts
   * new IcatEngineError("VALIDATION", "Facility: name cannot be null.").withOffset(1).offset; // 1
   * ```
   */
  withOffset(offset: number): IcatEngineError {
    return new IcatEngineError(this.code, this.message, offset);
  }

  /**
   * The error body icat.server writes: `offset` only when set (IcatExceptionMapper.java).
   *
   * @example
   * ```ts
   * JSON.stringify(new IcatEngineError("SESSION", "Session Id cannot be null or empty."));
   * // {"code":"SESSION","message":"Session Id cannot be null or empty."}
   * ```
   */
  toJSON(): { code: IcatExceptionType; message: string; offset?: number } {
    return this.offset === undefined || this.offset < 0
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, offset: this.offset };
  }
}

/**
 * Shorthand for a BAD_PARAMETER {@link IcatEngineError}, the code of every query and JSON error.
 *
 * @example
 * ```ts
 * throw badParameter("Field nmae not found in Dataset");
 * ```
 */
export function badParameter(message: string): IcatEngineError {
  return new IcatEngineError("BAD_PARAMETER", message);
}
