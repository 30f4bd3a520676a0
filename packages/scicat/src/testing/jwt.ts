// HS256 JSON Web Tokens as the backend's JwtModule issues them (BE:src/auth/auth.service.ts):
// the payload is the user without its password, plus `iat` and `exp` (JWT_EXPIRES_IN seconds,
// none for a "never" token from POST /users/{id}/jwt). node:crypto is enough for HS256.
import { createHmac, timingSafeEqual } from "node:crypto";

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** Signs `payload` with `secret` (HS256). */
export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const head = `${b64(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64(JSON.stringify(payload))}`;
  return `${head}.${createHmac("sha256", secret).update(head).digest("base64url")}`;
}

/** The outcome of checking a token: valid with its payload, expired, or not ours at all. */
export type JwtCheck = { kind: "valid"; payload: Record<string, unknown> } | { kind: "expired" } | { kind: "invalid" };

/** Verifies signature and expiry (`nowSec` in seconds). */
export function verifyJwt(token: string, secret: string, nowSec: number): JwtCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { kind: "invalid" };
  const [head, body, sig] = parts as [string, string, string];
  const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: "invalid" };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { kind: "invalid" };
  }
  if (typeof payload !== "object" || payload === null) return { kind: "invalid" };
  const exp = (payload as { exp?: unknown }).exp;
  if (typeof exp === "number" && exp <= nowSec) return { kind: "expired" };
  return { kind: "valid", payload: payload as Record<string, unknown> };
}
