// Where error codes and their descriptions are registered. Each package owns its codes (core the
// generic ones, each protocol package its own) and registers them when its error module loads.
// Types live in error-codes.ts (`CatkitErrorCodeRegistry`, widened by module augmentation).
// Values: descriptions live in one Map on a `Symbol.for` global, so two installed copies
// of a package (or of core) share them, as the `Symbol.for` brand of catkit-error.ts does.

const REGISTRY = Symbol.for("catkit.errorCodes");
const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

function registry(): Map<string, string> {
  const holder = globalThis as { [REGISTRY]?: Map<string, string> };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/**
 * Registers a package's codes with their descriptions and returns `codes` unchanged, typed as
 * given. A code must be UPPER_SNAKE_CASE with a package prefix and have a non-empty description.
 * The registry is process-wide and survives duplicate installs: registering a code again (a
 * second copy of the same package) keeps the first description.
 *
 * @throws TypeError when a code is malformed or has no description (a defect in the package).
 * @example
 * ```ts
 * export const TapeErrorCode = registerErrorCodes({ Offline: "TAPE_OFFLINE" } as const, {
 *   TAPE_OFFLINE: "the tape holding the file is not mounted",
 * });
 * ```
 */
export function registerErrorCodes<const C extends Record<string, string>>(
  codes: C,
  descriptions: { readonly [K in C[keyof C]]: string },
): C {
  const known = registry();
  const table = descriptions as Readonly<Record<string, string>>;
  for (const code of Object.values(codes)) {
    const description = Object.hasOwn(table, code) ? table[code] : undefined;
    // Plain TypeError: this runs while error classes are being defined, and it reports a defect
    // in a package's source, never bad user input.
    if (!CODE.test(code)) throw new TypeError(`registerErrorCodes: ${JSON.stringify(code)} is not an UPPER_SNAKE_CASE code with a package prefix`);
    if (typeof description !== "string" || description.trim() === "") {
      throw new TypeError(`registerErrorCodes: ${code} has no description`);
    }
    if (!known.has(code)) known.set(code, description);
  }
  return codes;
}

/**
 * What a registered code means (for `--help` output, logs and API documentation), or undefined
 * for a code no loaded package registered.
 *
 * @example
 * ```ts
 * describeErrorCode("CATKIT_TIMEOUT"); // "a connect, headers, body or overall timeout elapsed"
 * ```
 */
export function describeErrorCode(code: string): string | undefined {
  return registry().get(code);
}

/**
 * Every registered code with its description, in registration order (core's first).
 *
 * @example
 * ```ts
 * for (const [code, description] of listErrorCodes()) console.log(code.padEnd(32), description);
 * ```
 */
export function listErrorCodes(): ReadonlyMap<string, string> {
  return new Map(registry());
}
