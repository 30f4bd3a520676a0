// The base of every error catkit throws. Two properties matter beyond `message`:
// - `code`, a registered code (error-codes.ts: core's own; each package registers its own);
// - a brand that survives duplicate installs: `instanceof` and isCatkitError() look at a
//   Symbol.for() brand rather than at prototype identity, so an error thrown by one copy of
//   @catkit/core is recognised by another (undici's and smithy's approach).
// Messages are redacted at construction, and toJSON/inspect render only redacted data.
// node:util is not imported (3 MiB of resident memory in every client): Node passes its inspect
// function to a custom inspector, which it finds under util.inspect.custom's registered symbol.
import type { InspectOptions, inspect as Inspect } from "node:util";
import type { CatkitErrorCode } from "./error-codes.js";
import { redact, redactValue } from "./redact.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const KINDS = Symbol.for("catkit.error.kinds");

/** Options every catkit error accepts. */
export interface CatkitErrorOptions {
  /** The underlying error. It is kept for debugging and rendered redacted. */
  cause?: unknown;
}

type Branded = { readonly [KINDS]: readonly string[] };

function kindsOf(ctor: unknown): string[] {
  const kinds: string[] = [];
  for (let c = ctor; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, "kind")) kinds.push(String((c as unknown as { kind: unknown }).kind));
  }
  return kinds;
}

/**
 * Base class of all catkit errors: a stable `code`, an optional `cause`, redacted rendering.
 * Subclasses declare `static override readonly kind = "<UniqueName>"` so that `instanceof`
 * works across duplicate installs.
 *
 * @example
 * ```ts
 * throw new CatkitError(CoreErrorCode.InvalidArgument, "datasetId must be a positive integer, got 'abc'");
 * ```
 */
export class CatkitError extends Error {
  static readonly kind: string = "catkit.CatkitError";
  readonly code: CatkitErrorCode;
  declare readonly [KINDS]: readonly string[];

  constructor(code: CatkitErrorCode, message: string, options: CatkitErrorOptions = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target), enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (!isCatkitError(value)) return false;
    const kind = Object.hasOwn(this, "kind") ? (this as unknown as { kind: string }).kind : undefined;
    return kind !== undefined && (value as unknown as Branded)[KINDS].includes(kind);
  }

  /** Extra fields for toJSON and inspect; subclasses extend it. Values are redacted by the caller. */
  protected details(): Record<string, unknown> {
    return {};
  }

  /** A redacted, JSON-safe description of the error (for logs and API responses). */
  toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: redact(this.cause.message) } : undefined;
    return redactValue({
      name: this.name,
      code: this.code,
      message: this.message,
      ...this.details(),
      ...(cause ? { cause } : {}),
    }) as Record<string, unknown>;
  }

  [INSPECT](_depth: number, options: InspectOptions, inspect: typeof Inspect): string {
    const details = redactValue(this.details());
    const fields = inspect({ code: this.code, ...(details as object) }, { ...options, depth: 2 });
    let text = `${redact(this.stack ?? `${this.name}: ${this.message}`)} ${fields}`;
    if (this.cause !== undefined) {
      text += `\n  [cause]: ${redact(inspect(this.cause, { ...options, depth: 1 })).replace(/\n/g, "\n  ")}`;
    }
    return text;
  }
}

/**
 * True for any error thrown by any copy of catkit (it checks the brand, not the prototype).
 *
 * @example
 * ```ts
 * if (isCatkitError(err) && err.code === CoreErrorCode.Timeout) retryLater();
 * ```
 */
export function isCatkitError(value: unknown): value is CatkitError {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as Partial<Branded>)[KINDS]) &&
    typeof (value as { code?: unknown }).code === "string"
  );
}
