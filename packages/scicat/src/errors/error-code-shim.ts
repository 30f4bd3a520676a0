// TEMPORARY shim of core's registerErrorCodes (brief: the error-code registry is being built in
// core concurrently). Same shape as core's; on rebase this file goes and the imports point at
// "@catkit/core". `asCoreCode` bridges to core's current closed CatkitErrorCode union.
import type { CatkitErrorCode } from "@catkit/core";

const descriptions = new Map<string, string>();

/** Registers a package's codes with their descriptions; returns `codes`. */
export function registerErrorCodes<const C extends Record<string, string>>(codes: C, text: { readonly [K in C[keyof C]]: string }): C {
  for (const code of Object.values(codes)) descriptions.set(code, (text as Record<string, string>)[code] ?? "");
  return codes;
}

/** The description of a registered code. */
export function describeScicatErrorCode(code: string): string | undefined {
  return descriptions.get(code);
}

/** Until core's registry lands, core's constructors accept only its own union. */
export function asCoreCode(code: string): CatkitErrorCode {
  return code as CatkitErrorCode;
}
