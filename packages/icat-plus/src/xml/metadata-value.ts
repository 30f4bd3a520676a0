// What dataset metadata may hold, and pyicat-plus's serialize_metadata rules for each kind
// (client/serialize.py): str as is, bytes decoded as UTF-8, numbers by Python str(), datetimes
// by isoformat(), None dropped, lists joined with "," when every item is a str/bytes/number/None
// and with " " otherwise, at most two list levels, no nested mappings.
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import { pythonIsoformat } from "./python-isoformat.js";
import { PythonFloat, pythonFloatRepr, pythonNumberStr } from "./python-str.js";

/**
 * One metadata value that is not a list. `null`/`undefined` are dropped (Python None);
 * `boolean` → "True"/"False"; `bigint` and safe-integer numbers → Python int; other numbers and
 * {@link PythonFloat} → Python float repr; `Date` → isoformat with the local offset;
 * `Uint8Array` → decoded as UTF-8.
 *
 * @example
 * ```ts
 * const v: MetadataScalar = asFloat(7); // "7.0"
 * ```
 */
export type MetadataScalar = string | number | bigint | boolean | Date | Uint8Array | PythonFloat | null | undefined;

/**
 * A metadata value: a scalar, a list of scalars, or a list of lists of scalars
 * (`[[1, 2], [3, 4]]` → "1,2 3,4").
 *
 * @example
 * ```ts
 * const v: MetadataValue = ["/data/raw/s_0001", "/data/raw/s_0002"]; // comma-joined
 * ```
 */
export type MetadataValue = MetadataScalar | readonly (MetadataScalar | readonly MetadataScalar[])[];

/**
 * Dataset metadata keyed by ICAT ESRF definition names. Key order is the order of the
 * parameters in the XML; a `Map` keeps integer-like keys in insertion order, which a plain
 * object does not.
 *
 * @example
 * ```ts
 * const metadata: DatasetMetadata = { Sample_name: "mysample", InstrumentBeam_incident_energy: 7.1 };
 * ```
 */
export type DatasetMetadata = Readonly<Record<string, MetadataValue>> | ReadonlyMap<string, MetadataValue>;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Python's `isinstance(v, (str, bytes, Number)) or v is None`: the items a "," join takes. */
function isCommaItem(v: unknown): boolean {
  return (
    v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "bigint" ||
    typeof v === "boolean" || v instanceof Uint8Array || v instanceof PythonFloat
  );
}

function scalarStr(v: unknown, field: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "bigint") return String(v);
  if (typeof v === "number") return pythonNumberStr(v);
  if (v instanceof PythonFloat) return pythonFloatRepr(v.value);
  if (v instanceof Date) return pythonIsoformat(v, undefined, field);
  if (v instanceof Uint8Array) {
    try {
      return utf8.decode(v);
    } catch {
      throw new InvalidMetadataError(`${field} holds bytes that are not valid UTF-8`, { argument: field });
    }
  }
  const what = v !== null && typeof v === "object" ? "a nested object" : typeof v;
  throw new InvalidMetadataError(
    `${field} is ${what}; metadata values are strings, numbers, booleans, dates, bytes or lists of them`,
    { argument: field },
  );
}

/**
 * Serializes one metadata value; `undefined` means "drop the key" (None).
 *
 * @throws {InvalidMetadataError} for nested objects, lists nested deeper than two levels, or
 * other values Python's serializer rejects.
 * @example
 * ```ts
 * serializeMetadataValue([[1, 2], [3, 4]], "x"); // "1,2 3,4"
 * serializeMetadataValue(true, "x"); // "True"
 * ```
 */
export function serializeMetadataValue(value: MetadataValue, field: string, listDepth = 0): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value)) return scalarStr(value, field);
  if (listDepth > 1) {
    throw new InvalidMetadataError(`${field} nests lists more than two levels deep`, { argument: field });
  }
  const items = value as readonly MetadataValue[];
  const sep = items.every(isCommaItem) ? "," : " ";
  const parts: string[] = [];
  for (const item of items) {
    const text = serializeMetadataValue(item, field, listDepth + 1);
    if (text !== undefined) parts.push(text);
  }
  return parts.join(sep);
}

/**
 * The metadata's entries in order, as a list of [name, value] pairs.
 *
 * @example
 * ```ts
 * metadataEntries({ Sample_name: "s" }); // [["Sample_name", "s"]]
 * ```
 */
export function metadataEntries(metadata: DatasetMetadata | undefined): [string, MetadataValue][] {
  if (metadata === undefined) return [];
  if (metadata instanceof Map) return [...(metadata as ReadonlyMap<string, MetadataValue>).entries()];
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
    throw new InvalidMetadataError("metadata must be an object or a Map of name → value", { argument: "metadata" });
  }
  return Object.entries(metadata as Readonly<Record<string, MetadataValue>>);
}
