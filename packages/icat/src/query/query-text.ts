// Just enough reading of a query string to page through it: which clauses it has at the top
// level (outside string literals and parentheses), where ORDER BY has to go, and the variable to
// order by. Strings are '…' with '' as the escape (icat.server Tokenizer.java).
// - JPQL-style: ORDER BY goes before INCLUDE and LIMIT, which may come in either order
//   (icat.server SearchQuery.java grammar).
// - Concise syntax: ORDER BY (and INCLUDE) follow the first name, before any "[condition]"
//   (icat.server oldparser/OldSearchQuery.java), e.g. "Dataset.name ORDER BY id [complete = True]".
// The words come from the one ICAT lexer (icat-lexer.ts, read by jpql-tokenizer.ts), lenient: the query is ICAT's to judge.
import type { IcatTokenKind } from "./icat-token.js";
import { tokenizeJpql } from "./jpql-tokenizer.js";

/**
 * What paging needs to know about a query string.
 *
 * @example
 * ```ts
 * const { jpql, hasOrder }: QueryTextInfo = readQueryText("SELECT d FROM Dataset d");
 * ```
 */
export interface QueryTextInfo {
  /** JPQL-style (starts with SELECT) rather than the concise syntax. */
  readonly jpql: boolean;
  readonly hasOrder: boolean;
  readonly hasLimit: boolean;
  readonly hasInclude: boolean;
  /** Where an ORDER BY clause would go (undefined: nowhere sensible, e.g. a concise aggregate). */
  readonly orderInsertAt: number | undefined;
  /** The variable ORDER BY <var>.id should use (JPQL only). */
  readonly orderVariable: string | undefined;
}

interface Word {
  readonly text: string;
  readonly upper: string;
  readonly at: number;
}

// The names, numbers and commas outside parentheses, as ICAT's lexer splits them (strings, where
// a keyword is only text, are single tokens).
const WORD_KINDS: ReadonlySet<IcatTokenKind> = new Set(["name", "integer", "real", "comma"]);

function topLevelWords(query: string): Word[] {
  const words: Word[] = [];
  let depth = 0;
  for (const { kind, text, position } of tokenizeJpql(query, { lenient: true })) {
    if (kind === "open") depth++;
    else if (kind === "close") depth--;
    else if (depth === 0 && WORD_KINDS.has(kind)) words.push({ text, upper: text.toUpperCase(), at: position });
  }
  return words;
}

/**
 * Reads the clauses of a query string.
 *
 * @example
 * ```ts
 * readQueryText("SELECT d FROM Dataset d WHERE d.name LIKE 'x ORDER BY' INCLUDE d.type");
 * // { jpql: true, hasOrder: false, hasLimit: false, hasInclude: true, orderInsertAt: 50, orderVariable: "d" }
 * ```
 */
export function readQueryText(query: string): QueryTextInfo {
  const words = topLevelWords(query);
  const jpql = words[0]?.upper === "SELECT";
  let hasOrder = false;
  let hasLimit = false;
  let hasInclude = false;
  let orderInsertAt = query.trimEnd().length;
  words.forEach((w, i) => {
    if (w.upper === "ORDER" && words[i + 1]?.upper === "BY") hasOrder = true;
    if (w.upper === "LIMIT" || w.upper === "INCLUDE") {
      if (w.upper === "LIMIT") hasLimit = true;
      else hasInclude = true;
      orderInsertAt = Math.min(orderInsertAt, w.at);
    }
  });
  // The concise syntax pages with a "skip, count" prefix (python-icat searchChunked).
  if (!jpql && /^\s*\d*\s*,/.test(query)) hasLimit = true;
  if (jpql) return { jpql, hasOrder, hasLimit, hasInclude, orderInsertAt, orderVariable: orderVariable(words) };
  return { jpql, hasOrder, hasLimit, hasInclude, orderInsertAt: conciseOrderAt(query, words), orderVariable: undefined };
}

// After "[skip, count] [DISTINCT] Name[.attr]"; none for "COUNT(Name)" and the like.
function conciseOrderAt(query: string, words: readonly Word[]): number | undefined {
  let i = 0;
  while (words[i] !== undefined && /^(\d+|,)$/.test(words[i]?.text ?? "")) i++;
  if (words[i]?.upper === "DISTINCT") i++;
  const name = words[i];
  if (name === undefined || query.slice(name.at + name.text.length).trimStart().startsWith("(")) return undefined;
  return name.at + name.text.length;
}

// SELECT [DISTINCT] x FROM … orders by x.id when x is a bare variable; otherwise by the first
// FROM variable (`SELECT d.name FROM Dataset d` → d.id).
function orderVariable(words: readonly Word[]): string | undefined {
  let i = 1;
  if (words[i]?.upper === "DISTINCT") i++;
  const selected = words[i];
  const from = words.findIndex((w) => w.upper === "FROM");
  if (selected !== undefined && from === i + 1 && /^[A-Za-z_$][\w$]*$/.test(selected.text)) return selected.text;
  if (from < 0) return undefined;
  const afterEntity = words[from + 2];
  const variable = afterEntity?.upper === "AS" ? words[from + 3] : afterEntity;
  return variable !== undefined && /^[A-Za-z_$][\w$]*$/.test(variable.text) ? variable.text : undefined;
}

/**
 * The query with `ORDER BY <var>.id` (JPQL) or `ORDER BY id` (concise) added when it has no
 * ORDER BY, so that pages do not overlap or skip rows.
 *
 * @example
 * ```ts
 * withIdOrder("SELECT d FROM Dataset d INCLUDE d.type"); // "SELECT d FROM Dataset d ORDER BY d.id INCLUDE d.type"
 * withIdOrder("Dataset [complete = True]");              // "Dataset ORDER BY id [complete = True]"
 * ```
 */
export function withIdOrder(query: string): string {
  const info = readQueryText(query);
  const at = info.orderInsertAt;
  if (info.hasOrder || at === undefined || (info.jpql && info.orderVariable === undefined)) return query;
  const item = info.jpql ? `${info.orderVariable}.id` : "id";
  const before = query.slice(0, at).trimEnd();
  const after = query.slice(at).trim();
  return `${before} ORDER BY ${item}${after ? ` ${after}` : ""}`;
}

/**
 * One page of a query string: `… LIMIT skip, count` (JPQL) or `skip, count …` (concise), as
 * python-icat's searchChunked writes them.
 *
 * @example
 * ```ts
 * pageText("Dataset [complete = False]", 100, 50); // "100, 50 Dataset [complete = False]"
 * ```
 */
export function pageText(query: string, skip: number, count: number, jpql: boolean): string {
  return jpql ? `${query.trimEnd()} LIMIT ${skip}, ${count}` : `${skip}, ${count} ${query.trimStart()}`;
}
