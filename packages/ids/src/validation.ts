// Client-side checks that mirror the server's own, so that a bad argument fails with a clear
// message before any request is sent (and before any file is created).
import { InvalidArgumentError } from "@catkit/core";

// ids.server IdsBean.java uuidRegExp: lowercase 8-4-4-4-12 hex only (BEAN:286-287).
const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

/**
 * Anything that names an ICAT object id: a number, a bigint or a decimal string.
 *
 * @example
 * ```ts
 * const ids: IdLike[] = [12, 13n, "14"];
 * ```
 */
export type IdLike = number | bigint | string;

/**
 * True when `value` is a UUID in the form IDS accepts for `sessionId` and `preparedId`.
 *
 * @example
 * ```ts
 * isIdsUuid("eb0dd942-7ce9-4ea9-b342-ea326edd4dfe"); // true
 * isIdsUuid("EB0DD942-7CE9-4EA9-B342-EA326EDD4DFE"); // false: IDS wants lowercase
 * ```
 */
export function isIdsUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Throws InvalidArgumentError unless `value` is a preparedId IDS would accept.
 *
 * @example
 * ```ts
 * assertPreparedId(preparedId); // throws for "abc" or an uppercase UUID
 * ```
 */
export function assertPreparedId(value: unknown): asserts value is string {
  if (isIdsUuid(value)) return;
  throw new InvalidArgumentError(
    `preparedId must be a lowercase UUID (8-4-4-4-12 hex digits, as returned by prepareData), got ${JSON.stringify(value)}`,
    { argument: "preparedId" },
  );
}

/**
 * Throws InvalidArgumentError unless `token` is a session id IDS would accept. The value itself is
 * never echoed: it is a secret.
 *
 * @example
 * ```ts
 * assertSessionId(token);
 * ```
 */
export function assertSessionId(token: string): void {
  if (UUID.test(token)) return;
  const shape = /^[A-Fa-f0-9-]{36}$/.test(token) ? "a UUID with uppercase letters" : `a ${token.length}-character string that is not a UUID`;
  throw new InvalidArgumentError(
    `The credential gave ${shape}; IDS only accepts an ICAT session id in lowercase 8-4-4-4-12 hex form. Log in to ICAT and pass its session id.`,
    { argument: "sessionId" },
  );
}

/**
 * Normalises an ICAT object id: a non-negative safe integer, a bigint or a decimal string.
 * `what` names the argument in the error message.
 *
 * @example
 * ```ts
 * toObjectId("42", "datasetId"); // 42
 * toObjectId("12a", "datasetIds[2]"); // throws InvalidArgumentError
 * ```
 */
export function toObjectId(value: unknown, what: string): number {
  let n: number | undefined;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) n = value;
  else if (typeof value === "bigint" && value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER)) n = Number(value);
  else if (typeof value === "string" && /^\d{1,16}$/.test(value.trim())) {
    const parsed = Number(value.trim());
    if (Number.isSafeInteger(parsed)) n = parsed;
  }
  if (n !== undefined) return n;
  const shown = typeof value === "bigint" ? `${value}n` : JSON.stringify(value) ?? String(value);
  throw new InvalidArgumentError(`${what} must be a non-negative integer id (number, bigint or decimal string), got ${shown}`, {
    argument: what.replace(/\[.*$/, ""),
  });
}
