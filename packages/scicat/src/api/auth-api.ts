// Authentication endpoints (BE:src/auth/auth.controller.ts, users.controller.ts).
import { z } from "zod";
import { validate } from "@catkit/core/internal";
import { callJson, type ApiContext, type CallOptions } from "./api-context.js";

/** POST /api/v3/auth/login's answer (ReturnedAuthLoginDto). `id` equals `access_token`. */
export const LoginResponseSchema = z.looseObject({
  access_token: z.string(),
  id: z.string(),
  expires_in: z.number().optional(),
  ttl: z.number().optional(),
  created: z.string().optional(),
  userId: z.string().optional(),
  user: z.record(z.string(), z.unknown()).optional(),
});
/**
 * The login answer, validated: `id` is the token (pyscicat and scitacean read it).
 *
 * @example
 * ```ts
 * const { id: token, expires_in } = await api.auth.login("ingestor", password);
 * ```
 */
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/**
 * Where a username and password are checked: `local` = POST /api/v3/auth/login (functional
 * accounts), `ldap` = /api/v3/auth/ldap, `msad` = /api/v3/auth/msad (the legacy name of the
 * LDAP route, BE:src/auth/auth.controller.ts), `msad-root` = /auth/msad outside /api (the
 * LoopBack backend-v3 route that scitacean's fallback calls, SCT:client.py _log_in_via_auth_msad).
 *
 * @example
 * ```ts
 * const route: LoginRoute = "ldap";
 * ```
 */
export type LoginRoute = "local" | "ldap" | "msad" | "msad-root";

const LOGIN_PATHS: Record<LoginRoute, { path: string; outsideApi?: boolean }> = {
  local: { path: "auth/login" },
  ldap: { path: "auth/ldap" },
  msad: { path: "auth/msad" },
  "msad-root": { path: "auth/msad", outsideApi: true },
};

/** The authentication calls of the low-level client. */
export function authApi(ctx: ApiContext) {
  return {
    /** POST /api/v3/auth/login, or the LDAP routes with `route` (never signed). All answer ReturnedAuthLoginDto. */
    async login(username: string, password: string, o: CallOptions & { route?: LoginRoute } = {}): Promise<LoginResponse> {
      const { route = "local", ...call } = o;
      const { path, outsideApi } = LOGIN_PATHS[route];
      const json = await callJson(ctx, { method: "POST", version: "v3", path, ...(outsideApi ? { outsideApi } : {}), body: { username, password }, session: "none", operation: `scicat.login.${route}`, ...call });
      return validate(LoginResponseSchema, json, `POST ${outsideApi ? "" : "/api/v3"}/${path}`);
    },
    /** GET /api/v3/auth/whoami. */
    whoami: (o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: "auth/whoami", session: "required", operation: "scicat.whoami", ...o }) as Promise<Record<string, unknown>>,
    /** POST /api/v3/auth/logout. */
    logout: (o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v3", path: "auth/logout", session: "required", operation: "scicat.logout", ...o }),
    /** GET /api/v3/users/my/self. */
    mySelf: (o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: "users/my/self", session: "required", operation: "scicat.mySelf", ...o }) as Promise<Record<string, unknown>>,
    /** POST /api/v3/users/{id}/jwt (admin): a token with a custom lifetime, "never" for none. */
    async createUserJwt(userId: string, expiresIn: number | "never", o: CallOptions = {}): Promise<string> {
      const json = await callJson(ctx, { method: "POST", version: "v3", path: `users/${encodeURIComponent(userId)}/jwt`, body: { expiresIn }, session: "required", operation: "scicat.createUserJwt", ...o });
      return validate(z.object({ jwt: z.string() }), json, "POST /api/v3/users/{id}/jwt").jwt;
    },
    /** GET /api/v3/health. */
    health: (o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: "health", session: "none", operation: "scicat.health", ...o }),
  };
}
