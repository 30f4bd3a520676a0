// Picks the error class from ICAT's `{code, message, offset}` body. The code decides, not the
// status: SESSION and INSUFFICIENT_PRIVILEGES are both 403, OBJECT_ALREADY_EXISTS and VALIDATION
// both 412 (icat-ids.md §1.6), and a proxy's 502 page is no ICAT error at all.
import { HttpError, type ErrorMapper, type ErrorResponse } from "@catkit/core";
import { z } from "zod";
import {
  IcatBadParameterError,
  IcatInsufficientPrivilegesError,
  IcatInternalError,
  IcatNoSuchObjectFoundError,
  IcatNotImplementedError,
  IcatObjectAlreadyExistsError,
  IcatSessionError,
  IcatValidationError,
  type IcatError,
  type IcatErrorInit,
} from "./icat-error.js";

const IcatErrorBody = z.object({ code: z.string(), message: z.string().optional(), offset: z.number().int().optional() });

const BY_CODE: Readonly<Record<string, new (init: IcatErrorInit) => IcatError>> = {
  BAD_PARAMETER: IcatBadParameterError,
  SESSION: IcatSessionError,
  INSUFFICIENT_PRIVILEGES: IcatInsufficientPrivilegesError,
  NO_SUCH_OBJECT_FOUND: IcatNoSuchObjectFoundError,
  OBJECT_ALREADY_EXISTS: IcatObjectAlreadyExistsError,
  VALIDATION: IcatValidationError,
  INTERNAL: IcatInternalError,
  NOT_IMPLEMENTED: IcatNotImplementedError,
};

/**
 * Builds the typed error for a failed ICAT response; a body that is not ICAT's JSON gives a
 * plain HttpError.
 *
 * @example
 * ```ts
 * const res = await expectStatus(await ctx.send(request), [200], icatErrorMapper);
 * ```
 */
export const icatErrorMapper: ErrorMapper = (response: ErrorResponse) => {
  const parsed = IcatErrorBody.safeParse(response.body);
  const ErrorClass = parsed.success ? BY_CODE[parsed.data.code] : undefined;
  if (!parsed.success || ErrorClass === undefined) {
    return new HttpError({ status: response.status, method: response.method, url: response.url, body: response.body });
  }
  return new ErrorClass({
    status: response.status,
    method: response.method,
    url: response.url,
    icatCode: parsed.data.code,
    icatMessage: parsed.data.message,
    // IcatExceptionMapper writes offset only when it is >= 0.
    offset: parsed.data.offset !== undefined && parsed.data.offset >= 0 ? parsed.data.offset : undefined,
    body: response.body,
  });
};
