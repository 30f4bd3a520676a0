// python-icat's SearchAssertionError (client.py assertedSearch): a search found fewer or more
// objects than the caller said there must be.
import { CatkitError } from "@catkit/core";
import { IcatErrorCode } from "./icat-error-codes.js";

/**
 * A search returned a number of results outside the asserted range.
 *
 * @example
 * ```ts
 * try { await icat.assertedSearch(query); }
 * catch (err) { if (err instanceof IcatSearchAssertionError) console.error(`${err.found} results for ${err.query}`); }
 * ```
 */
export class IcatSearchAssertionError extends CatkitError {
  static override readonly kind: string = "catkit.IcatSearchAssertionError";
  readonly query: string;
  readonly min: number;
  readonly max: number | undefined;
  readonly found: number;

  constructor(query: string, min: number, max: number | undefined, found: number) {
    const range = max === undefined ? `at least ${min}` : min === max ? `exactly ${min}` : `between ${min} and ${max}`;
    super(
      IcatErrorCode.SearchAssertion,
      `Expected ${range} result${min === 1 && max === 1 ? "" : "s"} but found ${found} for the query: ${query}. ` +
        "Check the conditions, or widen the asserted range.",
    );
    this.query = query;
    this.min = min;
    this.max = max;
    this.found = found;
  }

  protected override details(): Record<string, unknown> {
    return { query: this.query, min: this.min, max: this.max, found: this.found };
  }
}
