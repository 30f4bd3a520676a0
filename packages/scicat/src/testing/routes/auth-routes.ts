// Authentication routes (BE:src/auth/auth.controller.ts, auth.service.ts login,
// BE:src/users/users.controller.ts for the deprecated Users/login and the custom JWT).
import { createHash } from "node:crypto";
import type { FunctionalAccount } from "../accounts.js";
import { isAdmin } from "../access.js";
import { bareUnauthorized, forbiddenResource, nestError } from "../http-exception.js";
import { signJwt } from "../jwt.js";
import type { RouteContext, Router } from "../router.js";
import type { SandboxState } from "../state.js";

/** A stable Mongo-like user _id for an account. */
export function userId(username: string): string {
  return createHash("sha256").update(username).digest("hex").slice(0, 24);
}

function userDoc(account: FunctionalAccount): Record<string, unknown> {
  return { _id: userId(account.username), id: userId(account.username), username: account.username, email: account.email, authStrategy: "local" };
}

function checkCredentials(ctx: RouteContext): FunctionalAccount {
  const body = (ctx.body ?? {}) as { username?: unknown; password?: unknown };
  const account = ctx.state.accounts.find((a) => a.username === body.username);
  // LocalStrategy: unknown user or wrong password → new UnauthorizedException()
  if (!account || account.password !== body.password) throw bareUnauthorized();
  return account;
}

function mint(state: SandboxState, account: FunctionalAccount, expiresIn: number | "never"): string {
  const iat = Math.floor(state.now() / 1000);
  return signJwt({ ...userDoc(account), iat, ...(expiresIn === "never" ? {} : { exp: iat + expiresIn }) }, state.jwtSecret);
}

/** Adds login, whoami, logout, health and the custom-JWT route. */
export function addAuthRoutes(router: Router): void {
  router.add("POST", "/api/v3/auth/login", (ctx) => {
    const account = checkCredentials(ctx);
    const token = mint(ctx.state, account, ctx.state.jwtExpiresIn);
    const created = new Date(ctx.state.now()).toISOString();
    // ReturnedAuthLoginDto: id === access_token (what pyscicat and scitacean read)
    return {
      status: 201,
      body: { access_token: token, id: token, expires_in: ctx.state.jwtExpiresIn, ttl: ctx.state.jwtExpiresIn, created, userId: userId(account.username), user: userDoc(account) },
    };
  });
  // Deprecated: runs LocalAuthGuard, then `return null` → 201 with an empty body.
  router.add("POST", "/api/v3/Users/login", (ctx) => {
    checkCredentials(ctx);
    return { status: 201, body: null };
  });
  router.add("GET", "/api/v3/auth/whoami", (ctx) => {
    if (!ctx.user) throw bareUnauthorized();
    return { body: { _id: ctx.user._id, username: ctx.user.username, email: ctx.user.email, currentGroups: ctx.user.currentGroups, authStrategy: "local" } };
  });
  router.add("POST", "/api/v3/auth/logout", (ctx) => {
    if (!ctx.user) throw bareUnauthorized();
    return { status: 200, body: { logout: "successful" } };
  });
  router.add("GET", "/api/v3/users/my/self", (ctx) => {
    if (!ctx.user) throw forbiddenResource();
    const account = ctx.state.accounts.find((a) => a.username === ctx.user?.username) as FunctionalAccount;
    return { body: userDoc(account) };
  });
  router.add("GET", "/api/v3/health", () => ({ body: { status: "ok", info: {}, error: {}, details: {} } }));
  // POST /users/{id}/jwt (admin): a token with a custom lifetime, "never" for no exp.
  router.add("POST", "/api/v3/users/:id/jwt", (ctx) => {
    if (!isAdmin(ctx.user, ctx.state)) throw forbiddenResource();
    const account = ctx.state.accounts.find((a) => userId(a.username) === ctx.params.id);
    if (!account) throw nestError(404, `User with id ${ctx.params.id} not found`);
    const requested = (ctx.body as { expiresIn?: unknown }).expiresIn;
    const expiresIn = requested === "never" ? "never" : typeof requested === "number" ? requested : ctx.state.jwtExpiresIn;
    return { status: 201, body: { jwt: mint(ctx.state, account, expiresIn) } };
  });
}
