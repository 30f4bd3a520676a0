// How the sandbox answers errors, as ids.server does: `{"code":"<ExceptionSimpleName>",
// "message":"…"}` with the exception's status (exceptions/*.java, IdsExceptionMapper.java), and
// ICAT failures remapped per call exactly as IdsBean/DataSelection remap them.
import type { ServerResponse } from "node:http";
import { CatalogueError, type IcatExceptionType } from "./catalogue.js";

/**
 * ids.server's exception classes and their HTTP statuses.
 *
 * @example
 * ```ts
 * IDS_EXCEPTIONS.DataNotOnlineException; // 503
 * ```
 */
export const IDS_EXCEPTIONS = {
  BadRequestException: 400,
  InsufficientPrivilegesException: 403,
  NotFoundException: 404,
  InternalException: 500,
  InsufficientStorageException: 500,
  NotImplementedException: 501,
  DataNotOnlineException: 503,
} as const;

/**
 * One of the exception names IDS sends in `code`.
 *
 * @example
 * ```ts
 * const code: IdsExceptionName = "NotFoundException";
 * ```
 */
export type IdsExceptionName = keyof typeof IDS_EXCEPTIONS;

/**
 * An error the sandbox answers with IDS's JSON body and status. It is the server's exception
 * (ids.server's IdsException), never thrown to a client, so it is a plain Error whose `code` is the
 * wire name rather than a catkit code.
 *
 * @example
 * ```ts
 * throw new IdsException("NotFoundException", `The preparedId ${id} is not known`);
 * ```
 */
export class IdsException extends Error {
  readonly code: IdsExceptionName;
  readonly status: number;
  constructor(code: IdsExceptionName, message: string) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = IDS_EXCEPTIONS[code];
  }
}

/**
 * Writes an IDS error body. The Content-Type is the one the call produces (Jersey uses the
 * resource method's @Produces for the mapper's entity): text/plain for getStatus, JSON for put…
 *
 * @example
 * ```ts
 * sendIdsError(res, 404, "NotFoundException", "Datafile 12", "application/json");
 * ```
 */
export function sendIdsError(res: ServerResponse, status: number, code: string, message: string, contentType: string): void {
  const body = JSON.stringify({ code, message });
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

// icat.server's exception class as IDS's getClass() prints it.
const ICAT_EXCEPTION_CLASS = "class org.icatproject.IcatException_Exception";

/** How one call maps ICAT's types; the fallback builds the 500 message. */
interface Remap {
  readonly map: Partial<Record<IcatExceptionType, IdsExceptionName>>;
  readonly fallback: (type: IcatExceptionType, message: string) => string;
}

const REMAPS = {
  // DataSelection.resolveDatasetIds
  selection: {
    map: { SESSION: "InsufficientPrivilegesException", INSUFFICIENT_PRIVILEGES: "InsufficientPrivilegesException", NO_SUCH_OBJECT_FOUND: "NotFoundException" },
    fallback: (_t, m) => `${ICAT_EXCEPTION_CLASS} ${m}`,
  },
  // IdsBean.put (dataset lookup), registerDatafile (format lookup), delete (deleteMany)
  lookup: {
    map: { SESSION: "InsufficientPrivilegesException", INSUFFICIENT_PRIVILEGES: "InsufficientPrivilegesException", NO_SUCH_OBJECT_FOUND: "NotFoundException" },
    fallback: (t, m) => `${t} ${m}`,
  },
  // IdsBean.registerDatafile (icat.create)
  register: {
    map: { SESSION: "InsufficientPrivilegesException", INSUFFICIENT_PRIVILEGES: "InsufficientPrivilegesException", VALIDATION: "BadRequestException" },
    fallback: (t, m) => `${t} ${m}`,
  },
  // IdsBean.getServiceStatus
  session: { map: { SESSION: "InsufficientPrivilegesException" }, fallback: (_t, m) => `${ICAT_EXCEPTION_CLASS} ${m}` },
  // IdsBean.getLink
  link: {
    map: {
      BAD_PARAMETER: "BadRequestException",
      INSUFFICIENT_PRIVILEGES: "InsufficientPrivilegesException",
      INTERNAL: "InternalException",
      NO_SUCH_OBJECT_FOUND: "NotFoundException",
      SESSION: "InsufficientPrivilegesException",
      VALIDATION: "BadRequestException",
    },
    fallback: (_t, m) => `${ICAT_EXCEPTION_CLASS} ${m}`,
  },
} satisfies Record<string, Remap>;

/**
 * Which call's remapping rules apply.
 *
 * @example
 * ```ts
 * const rule: RemapRule = "selection";
 * ```
 */
export type RemapRule = keyof typeof REMAPS;

/**
 * Runs a catalogue call and turns a CatalogueError into the IdsException ids.server would
 * answer for that call. Other errors pass through (they become a 500).
 *
 * @example
 * ```ts
 * const ds = await viaCatalogue("lookup", () => catalogue.getDataset(sessionId, datasetId));
 * ```
 */
export async function viaCatalogue<T>(rule: RemapRule, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof CatalogueError)) throw err;
    const remap: Remap = REMAPS[rule];
    const name = remap.map[err.type];
    // ids.server getServiceStatus prefixes the class name even for the 403.
    const message = name === undefined ? remap.fallback(err.type, err.message) : rule === "session" ? `${ICAT_EXCEPTION_CLASS} ${err.message}` : err.message;
    throw new IdsException(name ?? "InternalException", message);
  }
}
