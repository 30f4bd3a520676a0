import { describe, expect, it } from "vitest";
import {
  Query,
  QueryError,
  between,
  checkConditionFragment,
  currentTimestamp,
  currentUser,
  enumValue,
  eq,
  ge,
  gt,
  inList,
  isNotNull,
  isNull,
  jpqlLiteral,
  le,
  like,
  lt,
  ne,
  notIn,
  notLike,
  ts,
} from "../../src/query/index.js";
import { tokenizeJpql } from "../../src/query/jpql-tokenizer.js";

describe("condition helpers", () => {
  it("write each comparison", () => {
    expect(eq("O'Brien")).toBe("= 'O''Brien'");
    expect(ne("raw")).toBe("<> 'raw'");
    expect(lt(10)).toBe("< 10");
    expect(le(2.5)).toBe("<= 2.5");
    expect(gt(-3)).toBe("> -3");
    expect(ge(12345678901234567890n)).toBe(">= 12345678901234567890");
    expect(eq(true)).toBe("= TRUE");
    expect(eq(false)).toBe("= FALSE");
    expect(like("e2083%")).toBe("LIKE 'e2083%'");
    expect(like("100\\%%", "\\")).toBe("LIKE '100\\%%' ESCAPE '\\'");
    expect(notLike("tmp%")).toBe("NOT LIKE 'tmp%'");
    expect(inList(["reader", "writer"])).toBe("IN ('reader', 'writer')");
    expect(notIn([1, 2])).toBe("NOT IN (1, 2)");
    expect(between(1, 2)).toBe("BETWEEN 1 AND 2");
    expect(isNull()).toBe("IS NULL");
    expect(isNotNull()).toBe("IS NOT NULL");
  });

  it("write dates, enums, :user and CURRENT_TIMESTAMP", () => {
    expect(gt(new Date(Date.UTC(2011, 0, 15, 8, 5, 9)))).toBe("> {ts 2011-01-15 08:05:09}");
    expect(lt(ts("2012-06-30 12:00:00"))).toBe("< {ts 2012-06-30 12:00:00}");
    expect(between(ts(new Date(Date.UTC(999, 11, 31))), ts("2000-01-01 00:00:00"))).toBe(
      "BETWEEN {ts 0999-12-31 00:00:00} AND {ts 2000-01-01 00:00:00}",
    );
    expect(eq(enumValue("ParameterValueType", "NUMERIC"))).toBe("= org.icatproject.ParameterValueType.NUMERIC");
    expect(eq(currentUser)).toBe("= :user");
    expect(lt(currentTimestamp)).toBe("< CURRENT_TIMESTAMP");
  });

  it("build the same queries as hand-written fragments", () => {
    const q = new Query("UserGroup", {
      conditions: {
        "grouping.investigationGroups.investigation.investigationGroups.grouping.userGroups.user.name": eq(currentUser),
        "grouping.investigationGroups.investigation.investigationGroups.role": eq("owner"),
        "grouping.investigationGroups.role": inList(["reader", "writer"]),
      },
    });
    // python-icat doc/examples/icatdump-6.2.xml:478, apart from the keyword's case ("in" there)
    expect(String(q)).toBe(
      "SELECT o FROM UserGroup o JOIN o.grouping AS g JOIN g.investigationGroups AS s1 JOIN s1.investigation AS s2 JOIN s2.investigationGroups AS s3 JOIN s3.grouping AS s4 JOIN s4.userGroups AS s5 JOIN s5.user AS s6 WHERE s6.name = :user AND s3.role = 'owner' AND s1.role IN ('reader', 'writer')",
    );
  });

  it("reject values that have no JPQL literal", () => {
    for (const make of [() => eq(Number.NaN), () => gt(Number.POSITIVE_INFINITY), () => eq(new Date("nope"))]) {
      expect(make).toThrow(QueryError);
    }
    expect(() => eq({ toString: () => "1 OR 1=1" } as unknown as string)).toThrow(/which is not a JPQL value/);
    expect(() => eq(null as unknown as string)).toThrow(/which is not a JPQL value/);
    expect(() => inList([])).toThrow(/IN \(\)/);
    expect(() => notIn([])).toThrow(/at least one value/);
    expect(() => like("a", "")).toThrow(/exactly one character/);
    expect(() => like("a", "ab")).toThrow(/exactly one character/);
    expect(() => ts("2011-01-15")).toThrow(/yyyy-mm-dd hh:mm:ss/);
    expect(() => ts("2011-01-15 00:00:00} OR {ts 2011-01-15 00:00:00")).toThrow(QueryError);
    expect(() => enumValue("ParameterValueType", "NUMERIC OR 1=1")).toThrow(/plain identifiers/);
    expect(() => enumValue("a.b", "C")).toThrow(/plain identifiers/);
  });
});

describe("a value can never change the structure of a query", () => {
  const attacks = [
    "x' OR '1'='1",
    "x') OR ('1'='1",
    "' OR 1=1 --",
    "'; DELETE FROM Dataset; --",
    "''",
    "'",
    "\\' OR 1=1",
    "x' INCLUDE 1 LIMIT 0, 1000000 --",
    "%' OR o.name LIKE '%",
    "O'Brien",
    "}{ts",
    "a\nb\tc",
    "ünïcødé ' 😀",
  ];

  it.each(attacks)("eq(%j) is one string literal holding exactly the value", (value) => {
    const tokens = tokenizeJpql(eq(value));
    expect(tokens.map((t) => t.kind)).toEqual(["operator", "string"]);
    expect(tokens[1]?.text.slice(1, -1).replaceAll("''", "'")).toBe(value);
    expect(checkConditionFragment(eq(value))).toBe(eq(value));
  });

  it.each(attacks)("like, inList and between keep %j inside literals", (value) => {
    expect(tokenizeJpql(like(value)).map((t) => t.kind)).toEqual(["name", "string"]);
    expect(tokenizeJpql(inList([value, value])).map((t) => t.kind)).toEqual(["name", "open", "string", "comma", "string", "close"]);
    expect(tokenizeJpql(between(value, value)).map((t) => t.kind)).toEqual(["name", "string", "name", "string"]);
  });

  it("writes the classic attack as a harmless literal", () => {
    const q = new Query("Dataset", { conditions: { name: eq("x' OR '1'='1") } });
    expect(String(q)).toBe("SELECT o FROM Dataset o WHERE o.name = 'x'' OR ''1''=''1'");
  });

  it("quotes literals as ICAT's lexer reads them back", () => {
    expect(jpqlLiteral("it's")).toBe("'it''s'");
    expect(jpqlLiteral(0.1)).toBe("0.1");
    expect(jpqlLiteral(1e21)).toBe("1e+21");
    expect(tokenizeJpql(`= ${jpqlLiteral(1e21)}`).map((t) => t.kind)).toEqual(["operator", "real"]);
  });
});
