// Puts the credential's token on each attempt (phase "sign", inside retry), and re-authenticates
// once when the server rejects the session: ICAT answers 403 with code SESSION for an expired
// session; the protocol package supplies `isAuthFailure` to recognise it (reading the small
// error body through peekBody, so that the caller can still read it afterwards).
import type { Credential } from "../auth/credential.js";
import { discardBody } from "../body/read-body.js";
import type { Policy } from "../pipeline/pipeline.js";
import { isReplayable, type CatkitRequest } from "../transport/request.js";
import type { CatkitResponse } from "../transport/response.js";

/** Where and how the token goes on a request. */
export type ApplyToken = (request: CatkitRequest, token: string) => CatkitRequest;

/** Options of {@link authPolicy}. */
export interface AuthPolicyOptions {
  credential: Credential;
  apply: ApplyToken;
  /** Resolves true when the response says the token is invalid or expired. Must leave the body readable. */
  isAuthFailure?: (response: CatkitResponse) => Promise<{ failed: boolean; response: CatkitResponse }>;
}

/**
 * The authentication policy. Requests with `auth: false` pass unsigned.
 *
 * @example
 * ```ts
 * authPolicy({ credential, apply: tokenAs.bearer });
 * authPolicy({ credential, apply: tokenAs.sessionParam("sessionId"), isAuthFailure: icatSessionFailure });
 * ```
 */
export function authPolicy(options: AuthPolicyOptions): Policy {
  const { credential, apply, isAuthFailure } = options;
  return {
    name: "auth",
    phase: "sign",
    async send(request, next) {
      if (request.auth === false) return next(request);
      const { token } = await credential.getToken({ signal: request.signal });
      let response = await next(apply(request, token));
      if (!isAuthFailure || !credential.renew || !isReplayable(request.body)) return response;
      const check = await isAuthFailure(response);
      response = check.response;
      if (!check.failed) return response;
      if (!(await credential.renew(token, { signal: request.signal }))) return response;
      await discardBody(response);
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
