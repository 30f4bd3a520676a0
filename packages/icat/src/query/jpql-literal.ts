// Turning JavaScript values into JPQL literals that ICAT's lexer reads back as exactly one token
// (icat.server core/parser/Tokenizer.java): strings are quoted with '' as the only escape, so a
// value can never close its literal early and add JPQL of its own.
import { QueryError } from "./query-error.js";

const RAW = Symbol("catkit.icat.jpqlRaw");

/**
 * A JPQL token that is not a plain literal: a timestamp, an enum value, a parameter or a keyword.
 * Only this module can make one, so no caller can smuggle raw JPQL in as a "value".
 *
 * @example
 * ```ts
 * const when: JpqlRaw = ts("2011-01-15 00:00:00");
 * ```
 */
export interface JpqlRaw {
  readonly [RAW]: string;
}

/**
 * What the condition helpers accept as a value.
 *
 * @example
 * ```ts
 * const values: JpqlValue[] = ["raw", 5, true, new Date(), currentUser];
 * ```
 */
export type JpqlValue = string | number | bigint | boolean | Date | JpqlRaw;

function raw(text: string): JpqlRaw {
  return Object.freeze({ [RAW]: text });
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

const TS_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A timestamp literal `{ts yyyy-mm-dd hh:mm:ss}` (icat.server Tokenizer.java:17). A `Date` is
 * written with its UTC fields; ICAT reads the literal in its server's time zone, so pass the text
 * form `"2011-01-15 00:00:00"` when you need the server's local time.
 *
 * @throws {QueryError} `invalid-value` for an invalid Date or text not of the form `yyyy-mm-dd hh:mm:ss`.
 * @example
 * ```ts
 * gt(ts(new Date(Date.UTC(2011, 0, 15)))); // "> {ts 2011-01-15 00:00:00}"
 * lt(ts("2012-06-30 12:00:00"));          // "< {ts 2012-06-30 12:00:00}"
 * ```
 */
export function ts(value: Date | string): JpqlRaw {
  if (typeof value === "string") {
    const m = TS_TEXT.exec(value);
    if (!m) throw new QueryError("invalid-value", `ts("${value}"): expected the form "yyyy-mm-dd hh:mm:ss".`);
    return raw(`{ts ${m[1]} ${m[2]}}`);
  }
  if (Number.isNaN(value.getTime())) throw new QueryError("invalid-value", "ts(date): the Date is invalid.");
  const d = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const t = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  return raw(`{ts ${d} ${t}}`);
}

/**
 * An ICAT enum literal such as `org.icatproject.ParameterValueType.NUMERIC`, the form
 * icat.server's WhereClause.java requires for enum-typed attributes.
 *
 * @throws {QueryError} `invalid-value` if either part is not a plain identifier.
 * @example
 * ```ts
 * eq(enumValue("ParameterValueType", "NUMERIC")); // "= org.icatproject.ParameterValueType.NUMERIC"
 * ```
 */
export function enumValue(enumName: string, value: string): JpqlRaw {
  if (!IDENTIFIER.test(enumName) || !IDENTIFIER.test(value)) {
    throw new QueryError("invalid-value", `enumValue("${enumName}", "${value}"): both parts must be plain identifiers.`);
  }
  return raw(`org.icatproject.${enumName}.${value}`);
}

/**
 * `:user`, the one parameter ICAT binds itself: the name of the user running the query
 * (icat.server EntityBeanManager). Used in authorization rules.
 *
 * @example
 * ```ts
 * new Query("Dataset", { conditions: { "investigation.investigationUsers.user.name": eq(currentUser) } });
 * ```
 */
export const currentUser: JpqlRaw = raw(":user");

/**
 * The JPQL keyword `CURRENT_TIMESTAMP` (the database's clock).
 *
 * @example
 * ```ts
 * new Query("Investigation", { conditions: { releaseDate: lt(currentTimestamp) } });
 * ```
 */
export const currentTimestamp: JpqlRaw = raw("CURRENT_TIMESTAMP");

/**
 * Writes one value as a JPQL literal: strings quoted with `''` doubling, finite numbers, `TRUE` /
 * `FALSE`, a `Date` as `{ts …}` (UTC), and the raw tokens made by {@link ts}, {@link enumValue},
 * {@link currentUser} and {@link currentTimestamp}.
 *
 * @throws {QueryError} `invalid-value` for NaN, ±Infinity, an invalid Date or any other object.
 * @example
 * ```ts
 * jpqlLiteral("O'Brien"); // "'O''Brien'"
 * jpqlLiteral(5.5);       // "5.5"
 * jpqlLiteral(false);     // "FALSE"
 * ```
 */
export function jpqlLiteral(value: JpqlValue): string {
  switch (typeof value) {
    case "string":
      return `'${value.replace(/'/g, "''")}'`;
    case "number":
      if (!Number.isFinite(value)) {
        throw new QueryError("invalid-value", `${value} cannot be written as a JPQL number; pass a finite number.`);
      }
      return String(value);
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "TRUE" : "FALSE";
    default: {
      if (value instanceof Date) return ts(value)[RAW];
      // Only ts(), enumValue(), currentUser and currentTimestamp (of this copy of catkit) carry RAW.
      const text: unknown = (value as Partial<JpqlRaw> | null)?.[RAW];
      if (typeof text !== "string") {
        const shown = value === null ? "null" : typeof value;
        throw new QueryError("invalid-value", `Got ${shown}, which is not a JPQL value: pass a string, number, bigint, boolean, Date or ts(…).`);
      }
      return text;
    }
  }
}
