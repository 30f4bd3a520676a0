// Python's json.dumps with its defaults, as pyicat-plus encodes the JSON queue bodies
// (client/update_metadata.py, add_files.py, archive.py): ", " and ": " separators, ASCII only
// with lowercase \uXXXX escapes (astral characters as surrogate pairs), key order kept.
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import { PythonFloat, pythonFloatRepr, pythonNumberStr } from "../xml/python-str.js";

/**
 * A value `pythonJsonDumps` accepts.
 *
 * @example
 * ```ts
 * const v: PythonJson = { datasetId: 123 };
 * ```
 */
export type PythonJson =
  | string
  | number
  | bigint
  | boolean
  | null
  | PythonFloat
  | readonly PythonJson[]
  | { readonly [key: string]: PythonJson | undefined };

const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function str(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/["\\\u0000-\u001f\u0080-\uffff]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/**
 * `json.dumps(value)` with Python's defaults. Numbers follow {@link pythonNumberStr}; NaN and
 * infinities are rejected (Python would write the non-JSON NaN/Infinity).
 *
 * @throws {InvalidMetadataError} for non-finite numbers or unsupported values.
 * @example
 * ```ts
 * pythonJsonDumps({ datasetId: 123 }); // '{"datasetId": 123}'
 * ```
 */
export function pythonJsonDumps(value: PythonJson, field = "body"): string {
  if (value === null) return "null";
  if (typeof value === "string") return str(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number" || value instanceof PythonFloat) {
    const n = typeof value === "number" ? value : value.value;
    if (!Number.isFinite(n)) throw new InvalidMetadataError(`${field} must be a finite number, got ${n}`, { argument: field });
    return typeof value === "number" ? pythonNumberStr(n) : pythonFloatRepr(n);
  }
  if (Array.isArray(value)) return `[${(value as readonly PythonJson[]).map((v) => pythonJsonDumps(v, field)).join(", ")}]`;
  if (typeof value === "object") {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${str(k)}: ${pythonJsonDumps(v as PythonJson, `${field}.${k}`)}`);
    return `{${parts.join(", ")}}`;
  }
  throw new InvalidMetadataError(`${field} cannot be written as JSON (${typeof value})`, { argument: field });
}
