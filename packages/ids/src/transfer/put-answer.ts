// put's answer, 201 `{"id":…,"checksum":<decimal CRC32>,"location":"…","size":…}` (IdsBean.put),
// checked by hand rather than with zod: an upload then never loads zod, 17 MiB of a 1 GiB put's
// peak memory (issue 11), as IDS's error bodies are (errors/ids-error-mapper.ts).
import { ResponseValidationError } from "@catkit/core";

/** What IDS answers to a put. */
export interface PutAnswer {
  id: number;
  checksum: number;
  location: string;
  size: number;
}

/**
 * Checks a parsed put answer; throws ResponseValidationError naming each wrong field.
 *
 * @example
 * ```ts
 * const answer = checkPutAnswer(await readJson(res), `PUT ${quoteUrl(url)}`);
 * ```
 */
export function checkPutAnswer(value: unknown, what: string): PutAnswer {
  const body = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const issues: string[] = typeof value === "object" && value !== null ? [] : [`expected an object, got ${JSON.stringify(value)}`];
  const integer = (key: "id" | "checksum" | "size", min: number) => {
    const field = body[key];
    if (!(typeof field === "number" && Number.isSafeInteger(field) && field >= min)) issues.push(`${key}: expected an integer ≥ ${min}, got ${JSON.stringify(field)}`);
  };
  if (issues.length === 0) {
    integer("id", Number.MIN_SAFE_INTEGER);
    integer("checksum", 0);
    integer("size", 0);
    if (typeof body.location !== "string") issues.push(`location: expected a string, got ${JSON.stringify(body.location)}`);
  }
  if (issues.length > 0) throw new ResponseValidationError(`${what}: unexpected response (${issues.join("; ")})`, { issues, url: what });
  return { id: body.id as number, checksum: body.checksum as number, location: body.location as string, size: body.size as number };
}
