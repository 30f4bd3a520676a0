// Secret redaction for everything catkit lets out: error messages, toJSON, util.inspect, logs.
//
// icat.server and ids.server put the session id in query strings and form bodies (their REST
// resources) and in URL paths (icat.server `session/{sessionId}`), and echo it in error messages
// ("Unable to find user by sessionid: …", "The sessionId parameter '…' is not a valid UUID").
// A preparedId grants data without a session (ids.server getData?preparedId=), so it is a secret
// too. So we redact by pattern (parameter names, JSON keys, headers, Bearer values, the path
// segment after a `session` segment, an id next to the words "session id" or "preparedId") and by
// value: each credential registers the secrets it hands out, and those exact strings are
// replaced anywhere.

const MASK = "[REDACTED]";
const SECRET_NAMES =
  "sessionId|session_id|preparedId|prepared_id|access_token|accessToken|refresh_token|token|password|passwd|pwd|secret|api_key|apikey|client_secret";
const SENSITIVE_KEY = new RegExp(`^(?:${SECRET_NAMES}|authorization|proxy-authorization|cookie|set-cookie|x-api-key|credentials)$`, "i");
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
// Path segments whose next segment is a secret: REST session resources (icat.server
// `/icat/session/{sessionId}` for getSession, refresh and logout), and ICAT+'s routes that carry
// an ICAT session id or an API key as their second segment (pyicat-plus.md §2.1:
// `catalogue/{sessionId}/…`, `tracking/{sessionId}/…`, `samplemetadata/{sessionId}/…`,
// `logbook/{sessionId}/…`, `dataacquisition/{apiKey}/…`).
const SECRET_PATH_PARENTS = "session|sessions|catalogue|tracking|samplemetadata|logbook|dataacquisition";

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // name=value in URLs, form bodies and prose: sessionId=…, password=…
  [new RegExp(`\\b(${SECRET_NAMES})=([^&\\s"'#<>]+)`, "gi"), `$1=${MASK}`],
  // "name": "value" in JSON (login bodies, echoed requests)
  [new RegExp(`"(${SECRET_NAMES}|authorization)"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi"), `"$1"$2"${MASK}"`],
  // Authorization headers in any rendering, with or without a scheme
  [/\b(authorization["']?\s*[:=]\s*["']?)(?:(Bearer|Basic|Token|Digest)\s+)?[^\s"',;]+/gi, `$1$2 ${MASK}`],
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g, `Bearer ${MASK}`],
  // prose: "password: hunter2"
  [/\b(password|passwd)(\s*:\s*)(?!\[REDACTED\])[^\s,;&"']+/gi, `$1$2${MASK}`],
  // the path segment after a session resource: ".../icat/session/0d9a…" (any URL, any rendering)
  [new RegExp(`(/(?:${SECRET_PATH_PARENTS})/)(?!\\[REDACTED\\])[^/?#\\s"'<>]+`, "gi"), `$1${MASK}`],
  // a UUID right after "session id" or "preparedId" in any spelling: icat.server and ids.server
  // quote them ("Unable to find user by sessionid: …", "Session id:… has expired",
  // "The preparedId … is not known")
  [new RegExp(`\\b((?:session|prepared)[ _-]?id\\b[\\s:="']*)(${UUID})`, "gi"), `$1${MASK}`],
  // ids.server quotes whatever was sent: "The sessionId parameter '…' is not a valid UUID"
  [/\b((?:session|prepared)[ _-]?id parameter ')([^']*)(')/gi, `$1${MASK}$3`],
];

// Exact secret values handed out by credentials. Bounded so a long-running service that
// rotates sessions does not grow without limit; the patterns above still apply to old ones.
const MAX_KNOWN = 256;
const knownSecrets = new Set<string>();

/**
 * Registers a secret value (a session id, a token, a password) so that {@link redact} replaces
 * it wherever it appears. Credentials call this for every secret they hand out. Values shorter
 * than 6 characters are ignored (they would mangle ordinary text).
 *
 * @example
 * ```ts
 * registerSecret(sessionId);
 * redact(`session ${sessionId} expired`); // "session [REDACTED] expired"
 * ```
 */
export function registerSecret(value: string | undefined): void {
  if (value === undefined || value.length < 6) return;
  knownSecrets.delete(value);
  knownSecrets.add(value);
  if (knownSecrets.size > MAX_KNOWN) {
    const oldest = knownSecrets.values().next().value;
    if (oldest !== undefined) knownSecrets.delete(oldest);
  }
}

/**
 * Replaces secrets in free text: secret query/form parameters, JSON secret fields, Authorization
 * and Bearer values, session ids quoted in catalogue service messages, and registered secret values.
 *
 * @example
 * ```ts
 * redact("GET /ids/getData?sessionId=0d9a…&datafileIds=1"); // "GET /ids/getData?sessionId=[REDACTED]&datafileIds=1"
 * ```
 */
export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Redacts a URL: secret query parameters and user info are masked, the rest is kept.
 *
 * @example
 * ```ts
 * redactUrl("https://u:p@icat.example.org/icat/session?sessionId=abc"); // "https://[REDACTED]@icat.example.org/icat/session?sessionId=[REDACTED]"
 * ```
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redact(String(url));
  }
  const userInfo = parsed.username !== "" || parsed.password !== "";
  parsed.username = "";
  parsed.password = "";
  let text = parsed.toString();
  if (userInfo) text = text.replace("://", `://${MASK}@`);
  return redact(text);
}

/**
 * Deep-redacts a value for logging or error bodies: secret keys are masked, strings are run
 * through {@link redact}. Cycles and depth are bounded.
 *
 * @example
 * ```ts
 * redactValue({ plugin: "db", credentials: [{ username: "u" }, { password: "p" }] });
 * // { plugin: "db", credentials: "[REDACTED]" }
 * ```
 */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8 || seen.has(value)) return "[…]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof URL) return redactUrl(value);
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) ? MASK : redactValue(item, depth + 1, seen);
  }
  return out;
}

/**
 * Masks credential headers (Authorization keeps its scheme: "Bearer [REDACTED]").
 *
 * @example
 * ```ts
 * redactHeaders({ authorization: "Bearer eyJ…", accept: "application/json" });
 * // { authorization: "Bearer [REDACTED]", accept: "application/json" }
 * ```
 */
export function redactHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string | readonly string[] | undefined> {
  const out: Record<string, string | readonly string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!SENSITIVE_KEY.test(name) || value === undefined) out[name] = value;
    else if (typeof value === "string" && /^(Bearer|Basic|Token|Digest)\s/i.test(value)) out[name] = `${value.split(/\s/)[0]} ${MASK}`;
    else out[name] = MASK;
  }
  return out;
}
