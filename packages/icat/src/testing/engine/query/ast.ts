// The syntax tree of ICAT's query language: the JPQL subset used in practice plus ICAT's
// INCLUDE and LIMIT clauses. Conditions are expressions of boolean type.

/**
 * An aggregate function name.
 *
 * @example
 * ```ts
 * const f: AggregateFn = "COUNT";
 * ```
 */
export type AggregateFn = "COUNT" | "MIN" | "MAX" | "AVG" | "SUM";

/**
 * A comparison operator (`!=` is normalised to `<>`).
 *
 * @example
 * ```ts
 * const op: CompareOp = "<>";
 * ```
 */
export type CompareOp = "=" | "<>" | "<" | "<=" | ">" | ">=";

/**
 * An expression. `pos` is the character offset in the query, for error messages.
 *
 * @example
 * ```ts
 * const e: Expr = { kind: "path", pos: 7, text: "ds.name", head: "ds", steps: ["name"] };
 * ```
 */
export type Expr =
  | { kind: "path"; pos: number; text: string; head: string; steps: readonly string[] }
  | { kind: "literal"; pos: number; value: string | number | boolean | Date | null; real?: boolean }
  | { kind: "enum"; pos: number; enumType: "ParameterValueType" | "StudyStatus"; value: string }
  | { kind: "param"; pos: number; name: string }
  | { kind: "arith"; pos: number; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr }
  | { kind: "negate"; pos: number; arg: Expr }
  | { kind: "call"; pos: number; fn: string; args: readonly Expr[]; trim?: "LEADING" | "TRAILING" | "BOTH" }
  | { kind: "aggregate"; pos: number; fn: AggregateFn; distinct: boolean; arg: Expr }
  | { kind: "subquery"; pos: number; query: SelectQuery }
  | { kind: "and" | "or"; pos: number; left: Expr; right: Expr }
  | { kind: "not"; pos: number; arg: Expr }
  | { kind: "compare"; pos: number; op: CompareOp; left: Expr; right: Expr }
  | { kind: "like"; pos: number; not: boolean; arg: Expr; pattern: Expr; escape?: Expr }
  | { kind: "in"; pos: number; not: boolean; arg: Expr; list: readonly Expr[] }
  | { kind: "between"; pos: number; not: boolean; arg: Expr; low: Expr; high: Expr }
  | { kind: "isNull" | "isEmpty"; pos: number; not: boolean; arg: Expr }
  | { kind: "memberOf"; pos: number; not: boolean; arg: Expr; collection: Expr }
  | { kind: "exists"; pos: number; query: SelectQuery };

/**
 * One declaration of the FROM clause: an entity with its variable, or a join along a path.
 *
 * @example
 * ```ts
 * const f: FromItem = { kind: "join", pos: 30, path: "ds.parameters", alias: "p", left: false };
 * ```
 */
export type FromItem =
  | { kind: "root"; pos: number; entity: string; alias: string }
  | { kind: "join"; pos: number; path: string; alias: string; left: boolean };

/**
 * A SELECT query (also used for subqueries, which have no INCLUDE or LIMIT).
 *
 * @example
 * ```ts
 * parseSearch("SELECT ds FROM Dataset ds ORDER BY ds.id LIMIT 0, 10").limit; // { offset: 0, count: 10 }
 * ```
 */
export interface SelectQuery {
  readonly distinct: boolean;
  readonly select: readonly Expr[];
  readonly from: readonly FromItem[];
  readonly where?: Expr;
  readonly groupBy: readonly Expr[];
  readonly having?: Expr;
  readonly orderBy: readonly { expr: Expr; desc: boolean }[];
  readonly include?: IncludeSpec;
  readonly limit?: { offset: number; count: number | undefined };
}

/**
 * An INCLUDE clause: `INCLUDE 1`, or steps `var.field[.field…] [[AS] var]` as written.
 *
 * @example
 * ```ts
 * const inc: IncludeSpec = { one: false, items: [{ pos: 40, path: "ds.datafiles", alias: "df" }] };
 * ```
 */
export interface IncludeSpec {
  readonly one: boolean;
  readonly items: readonly { pos: number; path: string; alias?: string }[];
}

/**
 * The "get" query form (`Dataset ds INCLUDE ds.datafiles`) used with an id.
 *
 * @example
 * ```ts
 * const g: GetQuery = { entity: "Dataset", alias: "ds" };
 * ```
 */
export interface GetQuery {
  readonly entity: string;
  readonly alias?: string;
  readonly include?: IncludeSpec;
}
