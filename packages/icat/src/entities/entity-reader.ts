// One reader function per entity type, generated from the entity model on first use. Paging reads
// hundreds of thousands of objects, and a loop over a list of field names does a keyed property
// load per field; generated code (`v = o.name; if (…) t.name = v`) does named loads and stores,
// which V8 caches per object shape, and reads a page of 1,000 datasets in well under a
// millisecond. The code is built only from the model's own field names (checked to be
// identifiers); no input reaches it. Each reader copies the JSON object into an instance of the
// entity's class (entity-tag.ts), converting dates and reading relations by their target type;
// fields the model does not know (a newer ICAT) are copied as they are.
import { entityInfo, PARAMETER_VALUE_TYPES, STUDY_STATUSES, type EntityName } from "../model/index.js";
import { entityClass } from "./entity-tag.js";
import { parseWireDate } from "./wire-date.js";

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
 * Reads one object of an entity type into a new, typed object.
 *
 * @example
 * ```ts
 * const read: EntityReader = readerOf("Dataset");
 * ```
 */
export type EntityReader = (raw: unknown) => object;

interface Helpers {
  readonly bad: (field: string, expected: string, value: unknown) => never;
  readonly date: (field: string, value: string) => Date;
  readonly sub: (target: EntityName, value: unknown, field: string) => object;
  readonly extra: (from: Record<string, unknown>, to: Record<string, unknown>, known: ReadonlySet<string>) => void;
  readonly ENUMS: Readonly<Record<string, ReadonlySet<string>>>;
}

const helpers: Helpers = {
  bad(field, expected, value) {
    throw new Malformed(field, `expected ${expected}, got ${JSON.stringify(value)}`);
  },
  date(field, value) {
    try {
      return parseWireDate(value);
    } catch (e) {
      throw new Malformed(field, e instanceof Error ? e.message : String(e));
    }
  },
  sub(target, value, field) {
    try {
      return readerOf(target)(value);
    } catch (e) {
      if (e instanceof Malformed) e.path.unshift(field);
      throw e;
    }
  },
  extra(from, to, known) {
    for (const key of Object.keys(from)) if (!known.has(key)) to[key] = from[key];
  },
  ENUMS: { ParameterValueType: new Set<string>(PARAMETER_VALUE_TYPES), StudyStatus: new Set<string>(STUDY_STATUSES) },
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const TYPE_CHECK: Readonly<Record<string, string>> = {
  String: 'typeof v !== "string"',
  Integer: "!Number.isInteger(v)",
  Long: "!Number.isInteger(v)",
  Boolean: 'typeof v !== "boolean"',
};

// Every known field present in the JSON is counted (n), so that a JSON object with more keys
// than counted is known to carry fields of a newer ICAT. ICAT leaves null fields out
// (ICATRest.jsonise); one that comes anyway is left out too, except a Double, whose NaN ICAT
// writes as null.
function fieldCode(name: string, kind: string, target = ""): string {
  if (!IDENTIFIER.test(name) || (target !== "" && !IDENTIFIER.test(target))) throw new Error(`entity model: '${name}' is not an identifier`);
  const head = `v = o.${name}; if (v !== undefined) { n++; if (v !== null) `;
  switch (kind) {
    case "Double":
      return `v = o.${name}; if (v !== undefined) { n++; if (v === null) t.${name} = NaN; else if (typeof v === "number") t.${name} = v; else h.bad("${name}", "Double", v); }`;
    case "Date":
      return `${head}{ if (typeof v === "string") t.${name} = h.date("${name}", v); else h.bad("${name}", "an ICAT date string", v); } }`;
    case "ParameterValueType":
    case "StudyStatus":
      return `${head}{ if (h.ENUMS.${kind}.has(v)) t.${name} = v; else h.bad("${name}", "${kind}", v); } }`;
    case "many-to-one":
      return `${head}t.${name} = h.sub("${target}", v, "${name}"); }`;
    case "one-to-many":
      return (
        `${head}{ if (!Array.isArray(v)) h.bad("${name}", "an array of ${target}", v); ` +
        `const a = new Array(v.length); for (let i = 0; i < v.length; i++) a[i] = h.sub("${target}", v[i], "${name}[" + i + "]"); t.${name} = a; } }`
      );
    default:
      return `${head}{ if (${TYPE_CHECK[kind] ?? "false"}) h.bad("${name}", "${kind}", v); t.${name} = v; } }`;
  }
}

function build(type: EntityName): EntityReader {
  const fields = Object.values(entityInfo[type].fields);
  const known = new Set(["id", "createId", "createTime", "modId", "modTime", ...fields.map((f) => f.name)]);
  const lines = [
    '"use strict";',
    `if (typeof o !== "object" || o === null || Array.isArray(o)) h.bad("", "a ${type} object", o);`,
    "const t = new C();",
    "let v;",
    "let n = 0;",
    fieldCode("id", "Long"),
    fieldCode("createId", "String"),
    fieldCode("createTime", "Date"),
    fieldCode("modId", "String"),
    fieldCode("modTime", "Date"),
    ...fields.map((f) => (f.kind === "attribute" ? fieldCode(f.name, f.type) : fieldCode(f.name, f.kind, f.target))),
    "let keys = 0;",
    "for (const _ in o) keys++;",
    "if (keys !== n) h.extra(o, t, known);",
    "return t;",
  ];
  // Generated from the entity model only (see the file comment); named loads are the point.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const read = new Function("o", "h", "C", "known", lines.join("\n")) as (o: unknown, h: Helpers, C: new () => object, known: ReadonlySet<string>) => object;
  const EntityClass = entityClass(type);
  return (raw) => read(raw, helpers, EntityClass, known);
}

const readers = new Map<EntityName, EntityReader>();

/**
 * The reader of an entity type (built on first use).
 *
 * @example
 * ```ts
 * const ds = readerOf("Dataset")(JSON.parse('{"id":7,"createTime":"2023-06-28T12:00:00.000Z"}'));
 * ds.createTime instanceof Date; // true; entityTypeOf(ds) === "Dataset"
 * ```
 */
export function readerOf(type: EntityName): EntityReader {
  let reader = readers.get(type);
  if (reader === undefined) {
    reader = build(type);
    readers.set(type, reader);
  }
  return reader;
}
