// How an error message or log line quotes a URL: redacted, and cut to a readable length. A
// selection of 100,000 ids makes an 889,030-character URL (issue 7 item 12); a message that quotes
// it whole buries what went wrong. The full redacted URL stays available as the error's `url`.
import { redactUrl } from "./redact.js";

/** The most characters of a URL a message quotes. */
export const MAX_QUOTED_URL = 300;

/**
 * Redacts a URL and cuts it to `max` characters, saying how much was left out.
 *
 * @example
 * ```ts
 * quoteUrl(`https://ids.example.org/ids/getStatus?sessionId=${id}&datafileIds=${ids.join(",")}`);
 * // "https://ids.example.org/ids/getStatus?sessionId=[REDACTED]&datafileIds=1,2,3,…[+588,714 characters]"
 * ```
 */
export function quoteUrl(url: string | URL, max = MAX_QUOTED_URL): string {
  const text = redactUrl(url);
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…[+${(text.length - max).toLocaleString("en")} characters]`;
}
