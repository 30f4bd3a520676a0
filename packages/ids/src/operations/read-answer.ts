// Readers for IDS's small text/plain answers (ping, getSize, getStatus, isPrepared,
// prepareData, isReadOnly…): each is validated so that an HTML error page from a proxy is not
// taken for data.
import { ResponseValidationError, type CatkitResponse } from "@catkit/core";
import { readText, redactUrl, requestUrl } from "@catkit/core/internal";

function invalid(response: CatkitResponse, expected: string, text: string): ResponseValidationError {
  const what = `${response.request.method} ${redactUrl(requestUrl(response.request))}`;
  return new ResponseValidationError(`${what}: expected ${expected}, got ${JSON.stringify(text.slice(0, 80))}`, {
    issues: [`(root): expected ${expected}`],
    url: what,
  });
}

/**
 * Reads a short text answer, trimmed.
 *
 * @example
 * ```ts
 * const url = await readTextAnswer(response); // "https://icat.example.org"
 * ```
 */
export async function readTextAnswer(response: CatkitResponse): Promise<string> {
  return (await readText(response, { maxBytes: 64 * 1024 })).trim();
}

/**
 * Reads `true` or `false` (any case, as python-icat accepts).
 *
 * @example
 * ```ts
 * const readOnly = await readBooleanAnswer(response);
 * ```
 */
export async function readBooleanAnswer(response: CatkitResponse): Promise<boolean> {
  const text = await readTextAnswer(response);
  const lower = text.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  throw invalid(response, "true or false", text);
}

/**
 * Reads a non-negative integer (a size in bytes).
 *
 * @example
 * ```ts
 * const bytes = await readIntegerAnswer(response);
 * ```
 */
export async function readIntegerAnswer(response: CatkitResponse): Promise<number> {
  const text = await readTextAnswer(response);
  const n = Number(text);
  if (/^\d+$/.test(text) && Number.isSafeInteger(n)) return n;
  throw invalid(response, "a non-negative integer", text);
}

/**
 * Reads a text answer that must match `pattern`.
 *
 * @example
 * ```ts
 * const preparedId = await readMatchingAnswer(response, isIdsUuid, "a preparedId (UUID)");
 * ```
 */
export async function readMatchingAnswer(response: CatkitResponse, accept: RegExp | ((text: string) => boolean), expected: string): Promise<string> {
  const text = await readTextAnswer(response);
  if (typeof accept === "function" ? accept(text) : accept.test(text)) return text;
  throw invalid(response, expected, text);
}
