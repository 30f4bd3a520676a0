// Who is calling, as JwtAuthGuard decides it (BE:src/auth/guards/jwt-auth.guard.ts,
// strategies/jwt.strategy.ts): the `access_token` query parameter is copied *verbatim* into the
// Authorization header when there is none, the header must be `Bearer <jwt>`, a missing or
// invalid token makes the caller anonymous, and an expired one is a 401 SESSION_EXPIRED (v5).
import type { IncomingMessage } from "node:http";
import type { SandboxUser } from "./accounts.js";
import { SandboxHttpError } from "./http-exception.js";
import { verifyJwt } from "./jwt.js";
import type { SandboxState } from "./state.js";

/** The caller of a request, or null when anonymous. Throws 401 for an expired token. */
export function identify(req: IncomingMessage, query: URLSearchParams, state: SandboxState): SandboxUser | null {
  const header = req.headers.authorization ?? query.get("access_token") ?? undefined;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return null;
  const check = verifyJwt(match[1], state.jwtSecret, Math.floor(state.now() / 1000));
  if (check.kind === "expired") {
    throw new SandboxHttpError(401, { message: "SESSION_EXPIRED", error: "Unauthorized", statusCode: 401 });
  }
  if (check.kind === "invalid") return null;
  const username = String(check.payload.username);
  // groups: a functional account's role; a directory user's access groups (jwt.strategy validate)
  if (check.payload.authStrategy === "ldap") {
    const user = state.ldapAccounts.find((a) => a.username === username);
    return user ? { _id: String(check.payload._id), username, email: user.email, currentGroups: [...user.accessGroups], authStrategy: "ldap" } : null;
  }
  const account = state.accounts.find((a) => a.username === username);
  if (!account) return null;
  return { _id: String(check.payload._id), username, email: account.email, currentGroups: [account.role], authStrategy: "local" };
}
