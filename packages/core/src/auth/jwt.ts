/**
 * Reads the `exp` claim (seconds since epoch) of a JWT without verifying it — the server
 * verifies; we only want to avoid sending a token that is about to expire. Returns undefined
 * for tokens that are not JWTs or carry no numeric exp.
 *
 * @example
 * ```ts
 * const exp = jwtExpiry(token); // e.g. 1795000000 (seconds)
 * ```
 */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    const exp = typeof payload === "object" && payload !== null ? (payload as { exp?: unknown }).exp : undefined;
    return typeof exp === "number" && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
}
