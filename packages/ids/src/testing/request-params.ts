// Parameter checks exactly as ids.server makes them, with its messages: id lists
// (DataSelection.getValidIds), UUIDs (IdsBean.validateUUID), booleans (JAX-RS `boolean`
// parameters: only "true", any case, is true) and the Range header (IdsService.getData).
import type { CatalogueSelection } from "./catalogue.js";
import { IdsException } from "./ids-exception.js";

const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const LONG_MAX = 9223372036854775807n;

// Java's Long.parseLong: optional sign, decimal digits, within the long range.
function parseJavaLong(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  if (value > LONG_MAX || value < -LONG_MAX - 1n) return undefined;
  return Number(value);
}

/**
 * Parses a comma-separated id list (split on `\s*,\s*`); null gives an empty list.
 *
 * @example
 * ```ts
 * parseIdList("datasetIds", "1, 2,3"); // [1, 2, 3]
 * parseIdList("datasetIds", "1,x");    // throws BadRequestException
 * ```
 */
export function parseIdList(name: string, value: string | null): number[] {
  if (value === null) return [];
  return value.split(/\s*,\s*/).map((part) => {
    const id = parseJavaLong(part);
    if (id === undefined) {
      throw new IdsException(
        "BadRequestException",
        `The ${name} parameter '${value}' is not a valid string representation of a comma separated list of longs`,
      );
    }
    return id;
  });
}

/**
 * Parses the three id lists in ids.server's order (datafiles, datasets, investigations).
 *
 * @example
 * ```ts
 * const ids = parseSelection(params);
 * ```
 */
export function parseSelection(params: URLSearchParams): CatalogueSelection {
  const datafileIds = parseIdList("datafileIds", params.get("datafileIds"));
  const datasetIds = parseIdList("datasetIds", params.get("datasetIds"));
  const investigationIds = parseIdList("investigationIds", params.get("investigationIds"));
  return { investigationIds, datasetIds, datafileIds };
}

/**
 * Throws 400 unless `value` is a lowercase UUID; returns it.
 *
 * @example
 * ```ts
 * const sessionId = requireUuid("sessionId", params.get("sessionId"));
 * ```
 */
export function requireUuid(thing: "sessionId" | "preparedId", value: string | null): string {
  if (value !== null && UUID.test(value)) return value;
  throw new IdsException("BadRequestException", `The ${thing} parameter '${value}' is not a valid UUID`);
}

/**
 * A JAX-RS boolean parameter: true only for "true" in any case.
 *
 * @example
 * ```ts
 * const zip = booleanParam(params.get("zip"));
 * ```
 */
export function booleanParam(value: string | null): boolean {
  return value !== null && value.toLowerCase() === "true";
}

/**
 * The offset of a `Range: bytes=N-` header (0 without one); anything else is a 400.
 *
 * @example
 * ```ts
 * const offset = rangeOffset(req.headers.range);
 * ```
 */
export function rangeOffset(header: string | undefined): number {
  if (header === undefined) return 0;
  const match = /^bytes=(\d+)-$/.exec(header);
  if (!match?.[1]) throw new IdsException("BadRequestException", "The range must match bytes=(\\d+)-");
  return Number(match[1]);
}

/**
 * A numeric parameter of put, with ids.server's messages for missing and non-numeric values.
 *
 * @example
 * ```ts
 * const datasetId = requiredLong("datasetId", params.get("datasetId"));
 * ```
 */
export function requiredLong(name: string, value: string | null): number {
  if (value === null) throw new IdsException("BadRequestException", `The ${name} parameter must be set`);
  return optionalLong(name, value) as number;
}

/**
 * An optional numeric parameter (the put times).
 *
 * @example
 * ```ts
 * const modTime = optionalLong("datafileModTime", params.get("datafileModTime"));
 * ```
 */
export function optionalLong(name: string, value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = parseJavaLong(value);
  if (n === undefined) throw new IdsException("BadRequestException", `The ${name} parameter must be numeric`);
  return n;
}
