// Authentication routes (BE:src/auth/auth.controller.ts, auth.service.ts login,
// BE:src/users/users.controller.ts for the deprecated Users/login and the custom JWT).
// auth/ldap and its legacy twin auth/msad run LdapAuthGuard: the directory checks the password,
// the user gets authStrategy "ldap" and the same ReturnedAuthLoginDto as auth/login; a refusal
// (or missing fields) is passport's bare 401, as for local logins.
import { createHash } from "node:crypto";
import type { FunctionalAccount, LdapAccount } from "../accounts.js";
import { isAdmin } from "../access.js";
import { bareUnauthorized, forbiddenResource, nestError } from "../http-exception.js";
import { signJwt } from "../jwt.js";
import type { RouteContext, Router } from "../router.js";
import type { SandboxState } from "../state.js";

/** A stable Mongo-like user _id for an account. */
export function userId(username: string): string {
  return createHash("sha256").update(username).digest("hex").slice(0, 24);
}

type Account = { kind: "local"; account: FunctionalAccount } | { kind: "ldap"; account: LdapAccount };

function userDoc({ kind, account }: Account): Record<string, unknown> {
  return { _id: userId(account.username), id: userId(account.username), username: account.username, email: account.email, authStrategy: kind };
}

function checkCredentials(ctx: RouteContext, kind: Account["kind"] = "local"): Account {
  const body = (ctx.body ?? {}) as { username?: unknown; password?: unknown };
  const list: ReadonlyArray<FunctionalAccount | LdapAccount> = kind === "local" ? ctx.state.accounts : ctx.state.ldapAccounts;
  const account = list.find((a) => a.username === body.username);
  // LocalStrategy / LdapStrategy: unknown user or wrong password → new UnauthorizedException()
  if (!account || account.password !== body.password) throw bareUnauthorized();
  return { kind, account } as Account;
}

function mint(state: SandboxState, who: Account, expiresIn: number | "never"): string {
  const iat = Math.floor(state.now() / 1000);
  return signJwt({ ...userDoc(who), iat, ...(expiresIn === "never" ? {} : { exp: iat + expiresIn }) }, state.jwtSecret);
}

function loginAnswer(state: SandboxState, who: Account) {
  const token = mint(state, who, state.jwtExpiresIn);
  const created = new Date(state.now()).toISOString();
  // ReturnedAuthLoginDto: id === access_token (what pyscicat and scitacean read)
  return {
    status: 201,
    body: { access_token: token, id: token, expires_in: state.jwtExpiresIn, ttl: state.jwtExpiresIn, created, userId: userId(who.account.username), user: userDoc(who) },
  };
}

/** Adds login, whoami, logout, health and the custom-JWT route. */
export function addAuthRoutes(router: Router): void {
  router.add("POST", "/api/v3/auth/login", (ctx) => loginAnswer(ctx.state, checkCredentials(ctx)));
  router.add("POST", "/api/v3/auth/ldap", (ctx) => loginAnswer(ctx.state, checkCredentials(ctx, "ldap")));
  router.add("POST", "/api/v3/auth/msad", (ctx) => loginAnswer(ctx.state, checkCredentials(ctx, "ldap")));
  // Deprecated: runs LocalAuthGuard, then `return null` → 201 with an empty body.
  router.add("POST", "/api/v3/Users/login", (ctx) => {
    checkCredentials(ctx);
    return { status: 201, body: null };
  });
  router.add("GET", "/api/v3/auth/whoami", (ctx) => {
    if (!ctx.user) throw bareUnauthorized();
    return { body: { _id: ctx.user._id, username: ctx.user.username, email: ctx.user.email, currentGroups: ctx.user.currentGroups, authStrategy: ctx.user.authStrategy } };
  });
  router.add("POST", "/api/v3/auth/logout", (ctx) => {
    if (!ctx.user) throw bareUnauthorized();
    return { status: 200, body: { logout: "successful" } };
  });
  router.add("GET", "/api/v3/users/my/self", (ctx) => {
    if (!ctx.user) throw forbiddenResource();
    const { username, authStrategy } = ctx.user;
    const who = authStrategy === "ldap" ? { kind: authStrategy, account: ctx.state.ldapAccounts.find((a) => a.username === username) as LdapAccount } : { kind: authStrategy, account: ctx.state.accounts.find((a) => a.username === username) as FunctionalAccount };
    return { body: userDoc(who) };
  });
  router.add("GET", "/api/v3/health", () => ({ body: { status: "ok", info: {}, error: {}, details: {} } }));
  // POST /users/{id}/jwt (admin): a token with a custom lifetime, "never" for no exp.
  router.add("POST", "/api/v3/users/:id/jwt", (ctx) => {
    if (!isAdmin(ctx.user, ctx.state)) throw forbiddenResource();
    const local = ctx.state.accounts.find((a) => userId(a.username) === ctx.params.id);
    const ldap = ctx.state.ldapAccounts.find((a) => userId(a.username) === ctx.params.id);
    const account: Account | undefined = local ? { kind: "local", account: local } : ldap ? { kind: "ldap", account: ldap } : undefined;
    if (!account) throw nestError(404, `User with id ${ctx.params.id} not found`);
    const requested = (ctx.body as { expiresIn?: unknown }).expiresIn;
    const expiresIn = requested === "never" ? "never" : typeof requested === "number" ? requested : ctx.state.jwtExpiresIn;
    return { status: 201, body: { jwt: mint(ctx.state, account, expiresIn) } };
  });
}
