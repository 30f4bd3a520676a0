// The CLI's exit codes, derived from the catkit error code an error carries, so scripts can tell
// "not there" from "archived" from "not allowed" without parsing messages. This module imports
// nothing from @catkit/core on purpose: it runs on every start and must stay cheap; catkit errors
// are recognised by their cross-install brand (core's catkit-error.ts) and their `code`.

/**
 * The exit codes of every catkit command (documented in the README and in `catkit --help`).
 *
 * @example
 * ```ts
 * process.exitCode = ExitCode.NotFound;
 * ```
 */
export const ExitCode = {
  Ok: 0,
  /** Anything else that failed (server error, network, checksum mismatch…). */
  Failure: 1,
  /** Bad flags, arguments, configuration or input files: nothing was sent. */
  Usage: 2,
  /** The object, file or preparedId does not exist. */
  NotFound: 3,
  /** The data is archived or being restored (IDS DataNotOnline, restore timeout). */
  NotOnline: 4,
  /** Login failed, the session is missing or expired, or access was refused. */
  Auth: 5,
  /** The server could not be reached or did not answer in time. */
  Unreachable: 6,
  /** Interrupted (Ctrl-C). */
  Interrupted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

// Codes by exit code. Unknown codes (e.g. a package's new ones) fall back on their suffix.
const BY_CODE: Readonly<Record<string, ExitCode>> = {
  CATKIT_INVALID_ARGUMENT: ExitCode.Usage,
  CATKIT_CONFIG: ExitCode.Usage,
  ICAT_QUERY: ExitCode.Usage,
  ICAT_BAD_PARAMETER: ExitCode.Usage,
  IDS_BAD_REQUEST: ExitCode.Usage,
  ICATPLUS_INVALID_METADATA: ExitCode.Usage,
  ICATPLUS_NOT_CONFIGURED: ExitCode.Usage,
  IDS_NOT_FOUND: ExitCode.NotFound,
  ICAT_NO_SUCH_OBJECT_FOUND: ExitCode.NotFound,
  SCICAT_NOT_FOUND: ExitCode.NotFound,
  SCICAT_SESSION_EXPIRED: ExitCode.Auth,
  SCICAT_BAD_REQUEST: ExitCode.Usage,
  SCICAT_INVALID_DATASET: ExitCode.Usage,
  IDS_DATA_NOT_ONLINE: ExitCode.NotOnline,
  IDS_RESTORE_TIMEOUT: ExitCode.NotOnline,
  CATKIT_AUTH: ExitCode.Auth,
  CATKIT_TOKEN_EXPIRED: ExitCode.Auth,
  ICAT_SESSION: ExitCode.Auth,
  ICAT_INSUFFICIENT_PRIVILEGES: ExitCode.Auth,
  IDS_INSUFFICIENT_PRIVILEGES: ExitCode.Auth,
  CATKIT_NETWORK: ExitCode.Unreachable,
  CATKIT_TIMEOUT: ExitCode.Unreachable,
  ICATPLUS_BROKER: ExitCode.Unreachable,
  CATKIT_ABORTED: ExitCode.Interrupted,
};

const SUFFIXES: readonly [string, ExitCode][] = [
  ["_NOT_FOUND", ExitCode.NotFound],
  ["_UNAUTHORIZED", ExitCode.Auth],
  ["_FORBIDDEN", ExitCode.Auth],
  ["_AUTH", ExitCode.Auth],
  ["_INVALID_ARGUMENT", ExitCode.Usage],
];

const KINDS = Symbol.for("catkit.error.kinds");

/**
 * The catkit error code of `err`, if it is a catkit error (any install of @catkit/core).
 *
 * @example
 * ```ts
 * catkitCode(new InvalidArgumentError("bad")); // "CATKIT_INVALID_ARGUMENT"
 * ```
 */
export function catkitCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || !(KINDS in err)) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * The exit code for an error.
 *
 * @example
 * ```ts
 * exitCodeFor(new IdsNotFoundError({ message: "no such file" })); // 3
 * ```
 */
export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof UsageError) return ExitCode.Usage;
  if (err instanceof OutcomeError) return err.exitCode;
  const code = catkitCode(err);
  if (code === undefined) return ExitCode.Failure;
  const direct = BY_CODE[code];
  if (direct !== undefined) return direct;
  return SUFFIXES.find(([suffix]) => code.endsWith(suffix))?.[1] ?? ExitCode.Failure;
}

/**
 * Wrong use of the command line found by the CLI itself (before any catkit client ran):
 * exit code 2, one line on stderr, nothing sent.
 *
 * @example
 * ```ts
 * throw new UsageError("--session must be YYYYMMDD, got '2023-08'");
 * ```
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * A result the CLI itself reports as a failure with a given exit code, when a client answers
 * "nothing" rather than throwing (e.g. ICAT+ finds no investigation: exit 3; ICAT+ did not
 * answer: exit 6). `code` is printed as `[CODE]`.
 *
 * @example
 * ```ts
 * throw new OutcomeError("no investigation id00/id002207 in ICAT+", ExitCode.NotFound, "NOT_FOUND");
 * ```
 */
export class OutcomeError extends Error {
  override readonly name = "OutcomeError";
  readonly exitCode: ExitCode;
  readonly code: string;
  constructor(message: string, exitCode: ExitCode, code: string) {
    super(message);
    this.exitCode = exitCode;
    this.code = code;
  }
}

/**
 * The table printed under `catkit --help`.
 *
 * @example
 * ```ts
 * process.stdout.write(exitCodeHelp());
 * ```
 */
export function exitCodeHelp(): string {
  return [
    "Exit codes:",
    "  0  ok",
    "  1  failure (server error, checksum mismatch, partial outcome…)",
    "  2  usage: bad flags, arguments, configuration or input — nothing was sent",
    "  3  not found (IDS_NOT_FOUND, ICAT_NO_SUCH_OBJECT_FOUND, SCICAT_NOT_FOUND)",
    "  4  data not online (IDS_DATA_NOT_ONLINE, IDS_RESTORE_TIMEOUT)",
    "  5  authentication or authorization (CATKIT_AUTH, ICAT_SESSION, SCICAT_UNAUTHORIZED, *_INSUFFICIENT_PRIVILEGES)",
    "  6  server unreachable or too slow (CATKIT_NETWORK, CATKIT_TIMEOUT)",
    "  130 interrupted",
    "",
  ].join("\n");
}
