// Values typed on the command line of pyicat-plus's tools (`-p NAME=VALUE`, `--metadatafile`):
// apps/store_raw.py passes each through json.loads and keeps the text when that fails. Python's
// json keeps what JavaScript's JSON.parse loses: `1.0` is a float (str() "1.0", not "1"), big
// integers stay exact, and NaN/Infinity are accepted. JSON.parse's source-text access (the
// reviver's third argument) gives back the literal of every number.
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import type { MetadataScalar, MetadataValue } from "./metadata-value.js";
import { asFloat, PythonFloat } from "./python-str.js";

const SPECIAL: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Infinity, "-Infinity": -Infinity };

type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

function number(value: number, source: string | undefined): MetadataScalar {
  if (source !== undefined && /[.eE]/.test(source)) return asFloat(value);
  if (source !== undefined && !Number.isSafeInteger(value)) return BigInt(source);
  return value;
}

const reviver: Reviver = (_key, value, context) => (typeof value === "number" ? number(value, context?.source) : value);

function scalar(value: unknown, text: string): MetadataScalar {
  if (value === null || ["string", "number", "bigint", "boolean"].includes(typeof value) || value instanceof PythonFloat) {
    return value as MetadataScalar;
  }
  throw new InvalidMetadataError(`metadata value ${JSON.stringify(text)} is a JSON object or is nested too deeply; pyicat-plus cannot serialise it`);
}

/**
 * Parses a command-line metadata value as pyicat-plus's tools do: `json.loads`, else the text.
 *
 * @throws {InvalidMetadataError} for a JSON object or lists nested more than two levels.
 * @example
 * ```ts
 * parseCliValue("7.1");      // PythonFloat 7.1 → "7.1"
 * parseCliValue("1.0");      // PythonFloat 1 → "1.0"
 * parseCliValue("[1, 2]");   // [1, 2] → "1,2"
 * parseCliValue("mysample"); // "mysample"
 * ```
 */
export function parseCliValue(text: string): MetadataValue {
  const trimmed = text.trim();
  if (trimmed in SPECIAL) return asFloat(SPECIAL[trimmed] ?? Number.NaN);
  let parsed: unknown;
  try {
    parsed = (JSON.parse as (t: string, r: Reviver) => unknown)(text, reviver);
  } catch {
    return text;
  }
  if (!Array.isArray(parsed)) return scalar(parsed, text);
  return parsed.map((item: unknown) => (Array.isArray(item) ? item.map((inner: unknown) => scalar(inner, text)) : scalar(item, text)));
}
