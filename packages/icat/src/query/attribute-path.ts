// Following a dotted attribute path through the entity model, one component at a time
// (python-icat icat/query.py Query._attrpath), and splitting off a JPQL function such as
// "UPPER(name)" (Query._split_db_functs).
import type { EntityInfo, FieldInfo } from "../model/index.js";
import { closeMatches } from "./did-you-mean.js";
import { fieldNames, lookupField, queryEntityInfo } from "./entity-fields.js";
import { QueryError } from "./query-error.js";

/**
 * One component of a path: the path up to here, its field, and the entity it leads to, if any.
 *
 * @example
 * ```ts
 * const [step] = walkPath(queryEntityInfo("Datafile"), "dataset"); // step.target?.name === "Dataset"
 * ```
 */
export interface PathStep {
  /** The path from the query's entity up to and including this component, e.g. "dataset.investigation". */
  readonly path: string;
  readonly field: FieldInfo;
  /** The entity a relation leads to; `undefined` for a plain attribute. */
  readonly target: EntityInfo | undefined;
}

/**
 * Walks `path` from `entity`, returning one step per component.
 *
 * @throws {QueryError} `unknown-attribute` for a component that is not a field, `invalid-path`
 *   for an empty component or a component after a plain attribute.
 * @example
 * ```ts
 * walkPath(queryEntityInfo("Datafile"), "dataset.investigation").map((s) => s.path);
 * // ["dataset", "dataset.investigation"]
 * ```
 */
export function walkPath(entity: EntityInfo, path: string): PathStep[] {
  const steps: PathStep[] = [];
  let current: EntityInfo | undefined = entity;
  let prefix = "";
  for (const name of path.split(".")) {
    prefix = prefix ? `${prefix}.${name}` : name;
    if (current === undefined) {
      const last = steps.at(-1)?.path ?? "";
      throw new QueryError(
        "invalid-path",
        `Path '${path}' of ${entity.name} goes on after the attribute '${last}'; only relations can be followed.`,
      );
    }
    if (name === "") {
      throw new QueryError("invalid-path", `Path '${path}' of ${entity.name} has an empty component.`);
    }
    const field = lookupField(current, name);
    if (field === undefined) throw unknownField(entity, current, path, name);
    current = field.kind === "attribute" ? undefined : queryEntityInfo(field.target);
    steps.push({ path: prefix, field, target: current });
  }
  return steps;
}

function unknownField(root: EntityInfo, owner: EntityInfo, path: string, name: string): QueryError {
  const names = fieldNames(owner);
  const close = closeMatches(name, names);
  const hint = close.length > 0 ? `Did you mean ${close.map((n) => `'${n}'`).join(" or ")}?` : `Its fields are: ${names.join(", ")}.`;
  const where = path === name ? "" : ` (path '${path}' of ${root.name})`;
  return new QueryError("unknown-attribute", `${owner.name} has no field '${name}'${where}. ${hint}`);
}

// The JPQL functions of one argument (icat.server core/parser/Token.java keywords). python-icat's
// pattern `(?:([A-Za-z_]+)\()?([A-Za-z.]+)(?(1)\))` takes any name; we name the real ones so
// that a typo is reported here rather than by the server.
const PATH_FUNCTIONS = new Set(["ABS", "LENGTH", "LOWER", "SIZE", "SQRT", "TRIM", "UPPER"]);
const WRAPPED = /^([A-Za-z_]+)\(([A-Za-z.]+)\)$/;
const PLAIN = /^[A-Za-z.]+$/;

/**
 * An attribute path with the JPQL function wrapped around it, if any.
 *
 * @example
 * ```ts
 * const s: SplitAttribute = { path: "fullName", fn: "LENGTH" };
 * ```
 */
export interface SplitAttribute {
  readonly path: string;
  readonly fn: string | undefined;
}

/**
 * Splits "UPPER(name)" into the path "name" and the function "UPPER"; a bare path has no function.
 *
 * @throws {QueryError} `invalid-path` for anything else, e.g. "UPPER(name" or "FOO(name)".
 * @example
 * ```ts
 * splitFunction("LENGTH(fullName)"); // { path: "fullName", fn: "LENGTH" }
 * splitFunction("dataset.name");     // { path: "dataset.name", fn: undefined }
 * ```
 */
export function splitFunction(attribute: string): SplitAttribute {
  if (PLAIN.test(attribute)) return { path: attribute, fn: undefined };
  const m = WRAPPED.exec(attribute);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    if (PATH_FUNCTIONS.has(m[1].toUpperCase())) return { path: m[2], fn: m[1] };
    throw new QueryError(
      "invalid-path",
      `'${attribute}': ${m[1]} is not a JPQL function of one argument (${[...PATH_FUNCTIONS].join(", ")}).`,
    );
  }
  throw new QueryError(
    "invalid-path",
    `'${attribute}' is neither a dotted path such as 'dataset.name' nor one wrapped in a JPQL function such as 'UPPER(name)'.`,
  );
}
