import type { z } from "zod";
import { ResponseValidationError } from "../errors/client-errors.js";
import { quoteUrl } from "../errors/quote-url.js";
import { requestUrl } from "../transport/request.js";
import type { CatkitResponse } from "../transport/response.js";
import { readText } from "./read-body.js";

/**
 * Renders zod issues as "path: message" lines, readable without knowing zod.
 *
 * @example
 * ```ts
 * formatIssues(result.error.issues); // ["[0].id: Invalid input: expected number, received string"]
 * ```
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
      .join("");
    return `${path || "(root)"}: ${issue.message}`;
  });
}

/**
 * Validates a value with a zod schema, throwing {@link ResponseValidationError} with readable
 * issues on a mismatch.
 *
 * @example
 * ```ts
 * const version = validate(VersionSchema, json, "GET /ids/version").version;
 * ```
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = formatIssues(result.error.issues);
  throw new ResponseValidationError(`${what}: unexpected response (${issues.slice(0, 3).join("; ")}${issues.length > 3 ? "; …" : ""})`, {
    issues,
    url: what,
  });
}

/**
 * Reads a small JSON body and, with a schema, validates it.
 *
 * @example
 * ```ts
 * const { version } = await readJson(response, z.object({ version: z.string() }));
 * ```
 */
export async function readJson<S extends z.ZodType>(response: CatkitResponse, schema: S, options?: { maxBytes?: number }): Promise<z.output<S>>;
export async function readJson(response: CatkitResponse, schema?: undefined, options?: { maxBytes?: number }): Promise<unknown>;
export async function readJson(response: CatkitResponse, schema?: z.ZodType, options: { maxBytes?: number } = {}): Promise<unknown> {
  const what = () => `${response.request.method} ${quoteUrl(requestUrl(response.request))}`;
  const text = await readText(response, options);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ResponseValidationError(`${what()}: expected JSON, got ${JSON.stringify(text.slice(0, 80))}`, { issues: ["(root): not JSON"], url: what() });
  }
  if (!schema) return value;
  const result = schema.safeParse(value);
  return result.success ? result.data : validate(schema, value, what());
}
