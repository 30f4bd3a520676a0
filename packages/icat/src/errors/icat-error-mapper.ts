// Picks the error class from ICAT's `{code, message, offset}` body. The code decides, not the
// status: SESSION and INSUFFICIENT_PRIVILEGES are both 403, OBJECT_ALREADY_EXISTS and VALIDATION
// both 412 (icat-ids.md §1.6), and a proxy's 502 page is no ICAT error at all.
import { type ErrorMapper } from "@catkit/core";
import { errorBodyMapper } from "@catkit/core/internal";
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
 * Builds the typed error for a failed ICAT response; a body that is not ICAT's JSON, or an
 * unknown code, gives a plain HttpError (core's errorBodyMapper).
 *
 * @example
 * ```ts
 * const res = await expectStatus(await ctx.send(request), [200], icatErrorMapper);
 * ```
 */
export const icatErrorMapper: ErrorMapper = errorBodyMapper(IcatErrorBody, (body, response) => {
  const ErrorClass = BY_CODE[body.code];
  if (ErrorClass === undefined) return undefined;
  return new ErrorClass({
    ...response,
    icatCode: body.code,
    icatMessage: body.message,
    // IcatExceptionMapper writes offset only when it is >= 0.
    offset: body.offset !== undefined && body.offset >= 0 ? body.offset : undefined,
  });
}, {
  // ICATRest takes a search's query and a delete's entities as query parameters of a GET or
  // DELETE, so a long IN list or a large deleteMany is what overflows the URL.
  urlTooLong:
    "search a long IN list in slices with icat.searchInSlices(values, (slice) => new Query(…, { conditions: { id: inList(slice) } })), and pass fewer objects to each deleteMany",
});
