// Picks the error class from IDS's `{code, message}` body. The code decides, not the status:
// InsufficientStorageException and InternalException share HTTP 500, and a proxy's 503 page is
// not a DataNotOnlineException.
import { HttpError, type ErrorMapper, type ErrorResponse } from "@catkit/core";
import { z } from "zod";
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

const IdsErrorBody = z.object({ code: z.string(), message: z.string().optional() });

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
 * Builds the typed error for a failed IDS response; a body that is not IDS's JSON gives a
 * plain HttpError.
 *
 * @example
 * ```ts
 * const res = await expectStatus(await ctx.send(request), [200], idsErrorMapper);
 * ```
 */
export const idsErrorMapper: ErrorMapper = (response: ErrorResponse) => {
  const parsed = IdsErrorBody.safeParse(response.body);
  const ErrorClass = parsed.success ? BY_CODE[parsed.data.code] : undefined;
  if (!parsed.success || ErrorClass === undefined) {
    return new HttpError({ status: response.status, method: response.method, url: response.url, body: response.body });
  }
  const init: IdsErrorInit = {
    status: response.status,
    method: response.method,
    url: response.url,
    idsCode: parsed.data.code,
    idsMessage: parsed.data.message,
    body: response.body,
  };
  // ids.server FiniteStateMachine.checkFailure: a remembered restore failure.
  if (ErrorClass === IdsInternalError && parsed.data.message === "Restore failed") return new IdsRestoreFailedError(init);
  return new ErrorClass(init);
};
