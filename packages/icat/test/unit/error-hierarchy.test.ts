// Every error @catkit/icat lets out is a CatkitError with a registered ICAT code (issue 8 §1):
// the model's UnknownEntityError and IcatDateFormatError used to be plain Errors.
import { CatkitError, describeErrorCode, InvalidArgumentError, isCatkitError } from "@catkit/core";
import { describe, expect, it } from "vitest";
import { getEntityInfo, IcatDateFormatError, IcatErrorCode, parseIcatDate, UnknownEntityError } from "../../src/index.ts";
import { FixtureError, IcatEngine } from "../../src/testing/index.ts";

const thrown = (work: () => unknown): unknown => {
  try {
    work();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
};

describe("ICAT errors outside HTTP", () => {
  it("UnknownEntityError is an InvalidArgumentError with ICAT_UNKNOWN_ENTITY", () => {
    const err = thrown(() => getEntityInfo("Dataste"));
    expect(err).toBeInstanceOf(UnknownEntityError);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(isCatkitError(err)).toBe(true);
    expect(err).toMatchObject({ code: IcatErrorCode.UnknownEntity, entityName: "Dataste", message: "Dataste is not an ICAT entity" });
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ name: "UnknownEntityError", code: "ICAT_UNKNOWN_ENTITY", entityName: "Dataste" });
    expect(describeErrorCode(IcatErrorCode.UnknownEntity)).toMatch(/entity/);
  });

  it("IcatDateFormatError is an InvalidArgumentError with ICAT_DATE_FORMAT", () => {
    const err = thrown(() => parseIcatDate("2001-01-01T17:59:00Z"));
    expect(err).toBeInstanceOf(IcatDateFormatError);
    expect(err).toBeInstanceOf(CatkitError);
    expect(err).toMatchObject({ code: IcatErrorCode.DateFormat, name: "IcatDateFormatError", text: "2001-01-01T17:59:00Z" });
    expect((err as Error).message).toMatch(/^Badly formatted date "2001-01-01T17:59:00Z"/);
  });

  it("FixtureError (bad sandbox input) is an InvalidArgumentError naming the path", () => {
    const engine = new IcatEngine();
    const err = thrown(() => engine.load({ entities: { Facility: [{ id: -1, name: "X" }] } }));
    expect(err).toBeInstanceOf(FixtureError);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err).toMatchObject({ code: "CATKIT_INVALID_ARGUMENT", path: "Facility[0].id" });
  });
});
