// Picks the error class from IDS's `{code, message}` body. The code decides, not the status:
// InsufficientStorageException and InternalException share HTTP 500, and a proxy's 503 page is
// not a DataNotOnlineException.
import { type ErrorMapper } from "@catkit/core";
import { errorBodyMapper, type BodyShape } from "@catkit/core/internal";
import {
  IdsBadRequestError,
  IdsDataNotOnlineError,
  IdsInsufficientPrivilegesError,
  IdsInsufficientStorageError,
  IdsInternalError,
  IdsNotFoundError,
  IdsNotImplementedError,
  IdsRestoreFailedError,
  type IdsError,
  type IdsErrorInit,
} from "./ids-error.js";

// IDS's error body, `{"code":"…","message":"…"}` (ids.server IdsExceptionMapper). Checked by hand
// rather than with zod: a process that only moves data then never loads zod (17 MiB of memory).
const IdsErrorBody: BodyShape<{ code: string; message: string | undefined }> = {
  safeParse(value) {
    if (typeof value !== "object" || value === null) return { success: false };
    const { code, message } = value as { code?: unknown; message?: unknown };
    if (typeof code !== "string" || (message !== undefined && typeof message !== "string")) return { success: false };
    return { success: true, data: { code, message } };
  },
};

const BY_CODE: Readonly<Record<string, new (init: IdsErrorInit) => IdsError>> = {
  BadRequestException: IdsBadRequestError,
  InsufficientPrivilegesException: IdsInsufficientPrivilegesError,
  NotFoundException: IdsNotFoundError,
  InternalException: IdsInternalError,
  InsufficientStorageException: IdsInsufficientStorageError,
  NotImplementedException: IdsNotImplementedError,
  // ids.server NotFoundExceptionMapper: an unknown path is answered 501 with this code.
  NOT_IMPLEMENTED: IdsNotImplementedError,
  DataNotOnlineException: IdsDataNotOnlineError,
};

/**
 * Builds the typed error for a failed IDS response; a body that is not IDS's JSON, or an unknown
 * code, gives a plain HttpError (core's errorBodyMapper), which for a URL too long (414, 431)
 * says how to make the client split the selection.
 *
 * @example
 * ```ts
 * const res = await expectStatus(await ctx.send(request), [200], idsErrorMapper);
 * ```
 */
export const idsErrorMapper: ErrorMapper = errorBodyMapper(IdsErrorBody, (body, response) => {
  const ErrorClass = BY_CODE[body.code];
  if (ErrorClass === undefined) return undefined;
  const init: IdsErrorInit = { ...response, idsCode: body.code, idsMessage: body.message };
  // ids.server FiniteStateMachine.checkFailure: a remembered restore failure.
  if (ErrorClass === IdsInternalError && body.message === "Restore failed") return new IdsRestoreFailedError(init);
  return new ErrorClass(init);
}, {
  // The client already splits what would exceed maxUrlLength (data-target.ts); a server or proxy
  // that refuses less needs a smaller limit.
  urlTooLong:
    "lower the IdsClient's maxUrlLength option (default 4096) below the server's limit; getSize, getStatus, getDatafileIds and delete then split the selection into requests that fit, and getData, download and getDataUrl send it through prepareData",
});
