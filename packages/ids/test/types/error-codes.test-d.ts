// IDS codes join core's CatkitErrorCode by module augmentation: `err.code` narrows across packages.
import { expectTypeOf, test } from "vitest";
import { isCatkitError, type CatkitErrorCode, type CoreErrorCode } from "@catkit/core";
import { IdsErrorCode, IdsNotFoundError } from "../../src/index.ts";

declare const err: unknown;

test("IDS codes are CatkitErrorCode members", () => {
  expectTypeOf<IdsErrorCode>().toExtend<CatkitErrorCode>();
  expectTypeOf<"IDS_DATA_NOT_ONLINE">().toExtend<CatkitErrorCode>();
  expectTypeOf(IdsErrorCode.DataNotOnline).toEqualTypeOf<"IDS_DATA_NOT_ONLINE">();
  // core's codes are still there
  expectTypeOf<typeof CoreErrorCode.Timeout>().toExtend<CatkitErrorCode>();
  // @ts-expect-error: codes nobody registered are not CatkitErrorCode members
  const unknown: CatkitErrorCode = "IDS_NO_SUCH_CODE";
  void unknown;
});

test("err.code narrows on an IDS code", () => {
  if (isCatkitError(err)) {
    if (err.code === IdsErrorCode.NotFound) expectTypeOf(err.code).toEqualTypeOf<"IDS_NOT_FOUND">();
    // @ts-expect-error: a comparison with an unregistered code cannot be true
    if (err.code === "IDS_MISSPELLED") void err;
  }
  if (err instanceof IdsNotFoundError) expectTypeOf(err.code).toEqualTypeOf<CatkitErrorCode>();
});

test("a switch over the codes of an IDS failure is checked", () => {
  const advice = (code: IdsErrorCode): string => {
    switch (code) {
      case IdsErrorCode.DataNotOnline:
      case IdsErrorCode.RestoreTimeout:
        return "wait";
      default:
        return "fail";
    }
  };
  expectTypeOf(advice).parameter(0).toEqualTypeOf<IdsErrorCode>();
});
