import { entityInfo, META_FIELD_TYPES, type EntityName } from "../../../../model/index.js";
import { badParameter } from "../../icat-engine-error.js";
import type { Token } from "../token.js";
import type { OldCondition, OldFactor, OldPredicate } from "./old-ast.js";
import { checkIncludes, findSteps, newInclude, type DagStep } from "./old-dag.js";
import { parseOldGet, parseOldSearch } from "./old-parse.js";

// icat.server turns concise queries into JPQL text (OldSearchQuery.getNewQuery) and parses that
// again; the sandbox does the same, so both syntaxes share one evaluator. Variables are named
// after their entity with a '$' (Dataset$), included ones with '_$'.

const JAVA_TYPES: Readonly<Record<string, string>> = {
  String: "java.lang.String", Integer: "java.lang.Integer", Long: "java.lang.Long",
  Double: "java.lang.Double", Boolean: "boolean", Date: "java.util.Date",
  ParameterValueType: "org.icatproject.ParameterValueType", StudyStatus: "org.icatproject.StudyStatus",
};

function join(step: DagStep): string {
  return step.children
    .map((c) => `JOIN ${step.entity}$.${c.field ?? ""} AS ${c.entity}$ ${join(c)}`)
    .join("");
}

// ComparisonPredicate.getName: meta fields, or a path whose first part is a field of the entity
// (`id` is declared on EntityBaseBean, which the parameter entities do not extend directly).
function attributeName(t: Token, entity: EntityName): string | undefined {
  if (t.type !== "NAME") return undefined;
  const first = t.value.split(".")[0] ?? "";
  const isParameter = entity.endsWith("Parameter") && entity !== "ParameterType";
  const known =
    ["createTime", "createId", "modTime", "modId"].includes(t.value) ||
    entityInfo[entity].fields[first] !== undefined ||
    (first === "id" && !isParameter);
  return known ? `${entity}$.${t.value}` : undefined;
}

function literal(t: Token): string {
  return t.type === "STRING" ? `'${t.value.replaceAll("'", "''")}'` : t.value;
}

// A bare name on the value side is an enum constant of the attribute's type.
function enumValue(path: string, value: string, entity: EntityName): string {
  let current: EntityName = entity;
  let javaType = "";
  for (const level of path.split(".")) {
    const field = entityInfo[current].fields[level];
    const meta = META_FIELD_TYPES[level as keyof typeof META_FIELD_TYPES] as string | undefined;
    if (field?.kind === "many-to-one") {
      javaType = `org.icatproject.${field.target}`;
      current = field.target;
    } else if (field?.kind === "attribute" || meta !== undefined) {
      javaType = JAVA_TYPES[field?.kind === "attribute" ? field.type : (meta ?? "")] ?? "";
    } else {
      throw badParameter(`Field ${level} not found in ${current}`);
    }
  }
  return `${javaType}.${value}`;
}

function predicate(p: OldPredicate, entity: EntityName): string {
  const name = attributeName(p.left, entity);
  if (p.kind === "compare") {
    const [nameToken, valueToken, resolved] =
      name !== undefined ? [p.left, p.right, name] : [p.right, p.left, attributeName(p.right, entity)];
    if (resolved === undefined) {
      throw badParameter(
        `Attribute comparisons require one attribute name and one value: ${p.left.value} ${p.op.value} ${p.right.value}`,
      );
    }
    // As icat.server does, a swapped comparison ("5 < id") keeps its operator.
    const isLiteral = valueToken.type !== "NAME" || ["TRUE", "FALSE"].includes(valueToken.value.toUpperCase());
    const value = isLiteral ? literal(valueToken) : enumValue(nameToken.value, valueToken.value, entity);
    return `${resolved} ${p.op.value} ${value}`;
  }
  if (p.left.type !== "NAME") {
    throw badParameter(`"${p.kind === "in" ? "IN" : "BETWEEN"}" comparisons require a name on the LHS rather than ${p.left.type}`);
  }
  if (name === undefined) throw badParameter(`${p.left.value} is not a field of ${entity}`);
  return p.kind === "in"
    ? `${name} IN (${p.values.map(literal).join(", ")})`
    : `${name} BETWEEN ${literal(p.low)} AND ${literal(p.high)}`;
}

function factor(f: OldFactor, entity: EntityName): string {
  const body = f.predicate !== undefined ? predicate(f.predicate, entity) : `(${condition(f.condition ?? [], entity)})`;
  return f.not ? `NOT ${body}` : body;
}

function condition(c: OldCondition, entity: EntityName): string {
  return `(${c.map((term) => term.map((f) => factor(f, entity)).join(" AND ")).join(" OR ")})`;
}

/**
 * Translates a concise-syntax search into the equivalent JPQL-style ICAT query.
 *
 * @example
 * ```ts
 * translateOldSearch("COUNT(Datafile) <-> Dataset [id=5]");
 * // "SELECT COUNT(Datafile$) FROM Datafile AS Datafile$ JOIN Datafile$.dataset AS Dataset$ WHERE (Dataset$.id = 5)"
 * ```
 */
export function translateOldSearch(query: string): string {
  const q = parseOldSearch(query);
  const [bean, ...attr] = q.result.split(".") as [EntityName, ...string[]];
  const selected = attr.length > 0 ? `${bean}$.${attr.join(".")}` : `${bean}$`;
  const item = q.aggregate !== undefined ? `${q.aggregate}(${selected})` : selected;
  const steps = findSteps(bean, q.joins.map((j) => j.entity as EntityName));
  const where = [
    ...(q.condition ? [condition(q.condition, bean)] : []),
    ...q.joins.flatMap((j) => (j.condition ? [condition(j.condition, j.entity as EntityName)] : [])),
  ];
  const parts = [`SELECT ${q.distinct ? "DISTINCT " : ""}${item} FROM ${bean} AS ${bean}$ ${join(steps)}`.trim()];
  if (where.length > 0) parts.push(`WHERE ${where.join(" AND ")}`);
  if (q.order.length > 0) parts.push(`ORDER BY ${q.order.map((o) => `${bean}$.${o.field}${o.desc ? " DESC" : ""}`).join(", ")}`);
  if (q.include !== undefined) parts.push(includeText(bean, q.include));
  if (q.offset !== undefined || q.count !== undefined) parts.push(`LIMIT ${q.offset ?? 0}, ${q.count ?? "*"}`);
  return parts.filter((p) => p !== "").join(" ");
}

/**
 * Translates the old get form `Name INCLUDE …` into the new get form (OldGetQuery.getNewQuery).
 *
 * @example
 * ```ts
 * translateOldGet("Dataset INCLUDE 1"); // "Dataset AS Dataset$ INCLUDE 1"
 * ```
 */
export function translateOldGet(query: string): string {
  const q = parseOldGet(query);
  const bean = q.entity as EntityName;
  return q.include === undefined ? `${bean} AS ${bean}$` : `${bean} AS ${bean}$ ${includeText(bean, q.include)}`.trim();
}

function includeText(bean: EntityName, include: { one: boolean; types: readonly string[] }): string {
  if (include.one) return "INCLUDE 1";
  const types = include.types as EntityName[];
  checkIncludes(bean, types);
  return newInclude(bean, types);
}
