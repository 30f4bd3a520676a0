// A local stand-in for core's registerErrorCodes (brief: "Error-code contract"), same shape, so
// that switching to `import { registerErrorCodes } from "@catkit/core"` is a one-line change once
// core's registry lands on main. Codes are kept in a process-global table (Symbol.for) so that
// duplicate installs share it, as core's will.
import type { CatkitErrorCode } from "@catkit/core";

const TABLE = Symbol.for("catkit.errorCodes.icat-plus-shim");
type Table = Map<string, string>;

function table(): Table {
  const holder = globalThis as unknown as Record<symbol, Table | undefined>;
  return (holder[TABLE] ??= new Map<string, string>());
}

/**
 * Registers a package's error codes with their descriptions and returns `codes`.
 *
 * @example
 * ```ts
 * const MyCodes = registerErrorCodes({ Broken: "MY_BROKEN" } as const, { MY_BROKEN: "it broke" });
 * ```
 */
export function registerErrorCodes<const C extends Record<string, string>>(
  codes: C,
  descriptions: { readonly [K in C[keyof C]]: string },
): C {
  for (const [code, text] of Object.entries(descriptions)) table().set(code, text as string);
  return codes;
}

/**
 * The description of a registered code.
 *
 * @example
 * ```ts
 * describeIcatPlusErrorCode("ICATPLUS_INVALID_METADATA"); // "the dataset metadata cannot be serialized …"
 * ```
 */
export function describeIcatPlusErrorCode(code: string): string | undefined {
  return table().get(code);
}

/** Core's CatkitError takes core's code union until the registry lands; this is the one cast. */
export function asCatkitCode(code: string): CatkitErrorCode {
  return code as CatkitErrorCode;
}
