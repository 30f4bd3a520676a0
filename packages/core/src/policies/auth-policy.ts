// Puts the credential's token on each attempt (phase "sign", inside retry), and re-authenticates
// once when the server rejects the session: ICAT answers 403 with code SESSION for an expired
// session. The error body is parsed once: the service's error mapper builds the typed error
// (mapErrorResponse), the protocol's `isAuthFailure` looks at that error, and the caller's
// expectStatus throws the same error object without parsing the body again.
import type { Credential } from "../auth/credential.js";
import { httpErrorMapper, mapErrorResponse, type ErrorMapper } from "../body/error-response.js";
import { discardBody } from "../body/read-body.js";
import type { Policy } from "../pipeline/pipeline.js";
import { isReplayable, type CatkitRequest } from "../transport/request.js";

/** Where and how the token goes on a request. */
export type ApplyToken = (request: CatkitRequest, token: string) => CatkitRequest;

/** Options of {@link authPolicy}. */
export interface AuthPolicyOptions {
  credential: Credential;
  apply: ApplyToken;
  /** True when the typed error of a failed response says the token is invalid or expired. */
  isAuthFailure?: (error: Error) => boolean;
  /** Builds that typed error (the service's mapper; default a plain HttpError). */
  errorMapper?: ErrorMapper;
}

/**
 * The authentication policy. Requests with `auth: false` pass unsigned.
 *
 * @example
 * ```ts
 * authPolicy({ credential, apply: tokenAs.bearer });
 * authPolicy({ credential, apply: tokenAs.sessionParam("sessionId"), errorMapper: icatErrorMapper, isAuthFailure: (e) => e instanceof IcatSessionError });
 * ```
 */
export function authPolicy(options: AuthPolicyOptions): Policy {
  const { credential, apply, isAuthFailure, errorMapper = httpErrorMapper } = options;
  return {
    name: "auth",
    phase: "sign",
    async send(request, next) {
      if (request.auth === false) return next(request);
      const { token } = await credential.getToken({ signal: request.signal });
      const response = await next(apply(request, token));
      if (response.status < 400 || !isAuthFailure || !credential.renew || !isReplayable(request.body)) return response;
      const failed = await mapErrorResponse(response, errorMapper);
      if (!isAuthFailure(failed.error)) return failed.response;
      if (!(await credential.renew(token, { signal: request.signal }))) return failed.response;
      await discardBody(failed.response);
      const fresh = await credential.getToken({ signal: request.signal });
      return next(apply(request, fresh.token));
    },
  };
}

/**
 * Ready-made token placements.
 *
 * @example
 * ```ts
 * tokenAs.bearer(request, token);                 // Authorization: Bearer <token>
 * tokenAs.sessionParam("sessionId")(request, id);  // form field on form bodies, else query parameter
 * ```
 */
export const tokenAs = {
  bearer: ((request, token) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } })) as ApplyToken,
  /** ICAT/IDS style: a form field when the body is a form (POST), otherwise a query parameter. */
  sessionParam(name: string): ApplyToken {
    return (request, token) => {
      if (request.body?.kind === "form") {
        const fields = new URLSearchParams(request.body.fields);
        fields.set(name, token);
        return { ...request, body: { kind: "form", fields } };
      }
      const query = new URLSearchParams(request.query);
      query.set(name, token);
      return { ...request, query };
    };
  },
};
