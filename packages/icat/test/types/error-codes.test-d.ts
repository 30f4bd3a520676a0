// ICAT codes join core's CatkitErrorCode by module augmentation: `err.code` narrows across packages.
import { expectTypeOf, test } from "vitest";
import { isCatkitError, type CatkitErrorCode } from "@catkit/core";
import { IcatErrorCode, IcatSessionError } from "../../src/index.ts";

declare const err: unknown;

test("ICAT codes are CatkitErrorCode members and narrow", () => {
  expectTypeOf<IcatErrorCode>().toExtend<CatkitErrorCode>();
  expectTypeOf(IcatErrorCode.Session).toEqualTypeOf<"ICAT_SESSION">();
  if (isCatkitError(err) && err.code === IcatErrorCode.ObjectAlreadyExists) expectTypeOf(err.code).toEqualTypeOf<"ICAT_OBJECT_ALREADY_EXISTS">();
  // @ts-expect-error: a comparison with an unregistered code cannot be true
  if (isCatkitError(err) && err.code === "ICAT_MISSPELLED") void err;
  if (err instanceof IcatSessionError) expectTypeOf(err.code).toEqualTypeOf<CatkitErrorCode>();
});
