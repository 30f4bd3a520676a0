// What the generated row readers (generated/entity-readers.ts) call: error reporting, dates,
// relations and the copy of unknown fields. Hand-written, small, and kept out of the generated
// file so the generator emits only the per-entity, per-field part.
//
// The one rule for unknown keys: a field the model does not know (a newer ICAT's) is kept as
// sent, unvalidated. The public entitySchemas (z.looseObject) follow the same rule.
import { IcatDateFormatError, PARAMETER_VALUE_TYPES, STUDY_STATUSES, type EntityMap, type EntityName, type ParameterValueType, type StudyStatus } from "../model/index.js";
import type { WireDateReader } from "./wire-date.js";

/**
 * A problem found while reading; the path is built on the way out, so the happy path builds no strings.
 *
 * @example
 * ```ts
 * throw new Malformed("startDate", "expected an ICAT date string, got 5");
 * ```
 */
export class Malformed extends Error {
  readonly path: string[];
  constructor(field: string, problem: string) {
    super(problem);
    this.path = field === "" ? [] : [field];
  }
}

/**
 * Reads the JSON of one entity of type `E` into a new, tagged object, reading its dates with `dates`.
 *
 * @example
 * ```ts
 * const read: EntityReader<"Dataset"> = entityReaders.Dataset;
 * ```
 */
export type EntityReader<E extends EntityName> = (raw: unknown, dates: WireDateReader) => EntityMap[E];

/**
 * Reports a field whose JSON value has the wrong type.
 *
 * @throws {Malformed} always.
 * @example
 * ```ts
 * bad("name", "String", 5); // throws "expected String, got 5"
 * ```
 */
export function bad(field: string, expected: string, value: unknown): never {
  throw new Malformed(field, `expected ${expected}, got ${JSON.stringify(value)}`);
}

/**
 * Reports a field whose text is not an ICAT date, with parseIcatDate's message.
 *
 * @throws {Malformed} always.
 * @example
 * ```ts
 * t.startDate = dates.read(v) ?? badDate("startDate", v);
 * ```
 */
export function badDate(field: string, text: string): never {
  throw new Malformed(field, new IcatDateFormatError(text).message);
}

/**
 * Reads a many-to-one relation with its target's reader, putting the field on a problem's path.
 *
 * @example
 * ```ts
 * readOne(entityReaders.Investigation, { id: 3 }, "investigation", new WireDateReader());
 * ```
 */
export function readOne<T>(read: (raw: unknown, dates: WireDateReader) => T, value: unknown, field: string, dates: WireDateReader): T {
  try {
    return read(value, dates);
  } catch (e) {
    if (e instanceof Malformed) e.path.unshift(field);
    throw e;
  }
}

/**
 * Reads a one-to-many relation, element by element (`field[i]` on a problem's path).
 *
 * @example
 * ```ts
 * readMany(entityReaders.Datafile, [{ id: 12 }], "datafiles", new WireDateReader());
 * ```
 */
export function readMany<T>(read: (raw: unknown, dates: WireDateReader) => T, values: readonly unknown[], field: string, dates: WireDateReader): T[] {
  const out = new Array<T>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = readOne(read, values[i], `${field}[${i}]`, dates);
  return out;
}

/**
 * Copies the fields the model does not know from `from` to `to`, as sent.
 *
 * @example
 * ```ts
 * copyUnknown({ id: 1, futureField: 2 }, target, new Set(["id"])); // target.futureField === 2
 * ```
 */
export function copyUnknown(from: Record<string, unknown>, to: object, known: ReadonlySet<string>): void {
  for (const key of Object.keys(from)) if (!known.has(key)) (to as Record<string, unknown>)[key] = from[key];
}

const VALUE_TYPES: ReadonlySet<unknown> = new Set(PARAMETER_VALUE_TYPES);
const STATUSES: ReadonlySet<unknown> = new Set(STUDY_STATUSES);

/**
 * True for a value of ICAT's ParameterValueType enum.
 *
 * @example
 * ```ts
 * isParameterValueType("NUMERIC"); // true
 * ```
 */
export function isParameterValueType(value: unknown): value is ParameterValueType {
  return VALUE_TYPES.has(value);
}

/**
 * True for a value of ICAT's StudyStatus enum.
 *
 * @example
 * ```ts
 * isStudyStatus("NEW"); // true
 * ```
 */
export function isStudyStatus(value: unknown): value is StudyStatus {
  return STATUSES.has(value);
}
