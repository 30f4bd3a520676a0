import { describe, expect, it } from "vitest";
import type * as RegistryModule from "../../src/errors/error-code-registry.ts";
import {
  CatkitError,
  CoreErrorCode,
  describeErrorCode,
  HttpError,
  isCatkitError,
  listErrorCodes,
  registerErrorCodes,
} from "../../src/index.ts";

// A package's codes, registered the way @catkit/ids and @catkit/icat do (see test/types for the
// module augmentation that makes them CatkitErrorCode members).
const TapeErrorCode = registerErrorCodes({ Offline: "TAPE_OFFLINE", Jammed: "TAPE_JAMMED" } as const, {
  TAPE_OFFLINE: "the tape holding the file is not mounted",
  TAPE_JAMMED: "the tape robot is jammed",
});

class TapeOfflineError extends HttpError {
  static override readonly kind: string = "tape.TapeOfflineError";
  constructor() {
    super({ status: 503, method: "GET", url: "http://tape/file?sessionId=0d9a3706-80d4-4d29-9ff3-4d65d4308a24", code: TapeErrorCode.Offline as never });
  }
}

describe("error code registry", () => {
  it("returns the codes it registers and describes them", () => {
    expect(TapeErrorCode).toEqual({ Offline: "TAPE_OFFLINE", Jammed: "TAPE_JAMMED" });
    expect(describeErrorCode("TAPE_JAMMED")).toBe("the tape robot is jammed");
    expect(describeErrorCode(CoreErrorCode.Timeout)).toMatch(/timeout/);
    expect(describeErrorCode("NOBODY_REGISTERED_THIS")).toBeUndefined();
    expect([...listErrorCodes().keys()]).toEqual(expect.arrayContaining([...Object.values(CoreErrorCode), "TAPE_OFFLINE"]));
  });

  it("holds no protocol codes of its own", () => {
    expect([...listErrorCodes().keys()].filter((code) => /^(IDS|ICAT)_/.test(code))).toEqual([]);
  });

  it("is shared by duplicate installs", async () => {
    // A query string makes vite load a second instance of the module: a second copy of core.
    const duplicate = "../../src/errors/error-code-registry.ts?duplicate";
    const copy = (await import(/* @vite-ignore */ duplicate)) as typeof RegistryModule;
    expect(copy.describeErrorCode).not.toBe(describeErrorCode);
    expect(copy.describeErrorCode("TAPE_OFFLINE")).toBe("the tape holding the file is not mounted");
    copy.registerErrorCodes({ Late: "TAPE_LATE" } as const, { TAPE_LATE: "registered through the second copy" });
    expect(describeErrorCode("TAPE_LATE")).toBe("registered through the second copy");
    // Registering the same code again (a second copy of the package) keeps the first description.
    copy.registerErrorCodes({ Offline: "TAPE_OFFLINE" } as const, { TAPE_OFFLINE: "another wording" });
    expect(describeErrorCode("TAPE_OFFLINE")).toBe("the tape holding the file is not mounted");
  });

  it("refuses malformed codes and missing descriptions", () => {
    expect(() => registerErrorCodes({ Bad: "lowercase_code" } as const, { lowercase_code: "x" })).toThrow(/UPPER_SNAKE_CASE/);
    expect(() => registerErrorCodes({ Bad: "NOPREFIX" } as const, { NOPREFIX: "x" })).toThrow(/package prefix/);
    expect(() => registerErrorCodes({ Bad: "TAPE_EMPTY" } as const, { TAPE_EMPTY: " " })).toThrow(/TAPE_EMPTY has no description/);
    expect(() => registerErrorCodes({ Bad: "TAPE_NONE" } as const, {} as { TAPE_NONE: string })).toThrow(/TAPE_NONE has no description/);
  });

  it("gives a package's errors the brand, the code and a redacted toJSON", () => {
    const err = new TapeOfflineError();
    expect(isCatkitError(err)).toBe(true);
    expect(err).toBeInstanceOf(CatkitError);
    expect(err.code).toBe("TAPE_OFFLINE");
    const json = JSON.parse(JSON.stringify(err)) as Record<string, unknown>;
    expect(json).toMatchObject({ name: "TapeOfflineError", code: "TAPE_OFFLINE", status: 503 });
    expect(JSON.stringify(json)).not.toContain("0d9a3706");
  });
});
