import { CatkitError, type CatkitErrorOptions } from "./catkit-error.js";
import { CoreErrorCode, type CatkitErrorCode } from "./error-codes.js";
import { quoteUrl } from "./quote-url.js";
import { redact, redactUrl, redactValue } from "./redact.js";

// Statuses a server or proxy uses to refuse a request line or headers that are too long: 414 URI
// Too Long (Jetty, Payara, nginx), 431 Request Header Fields Too Large (Node's 16 KiB limit).
const URL_TOO_LONG = new Set([414, 431]);

function defaultMessage(init: HttpErrorInit): string {
  const failed = `${init.method} ${quoteUrl(init.url)} failed with HTTP ${init.status}`;
  if (!URL_TOO_LONG.has(init.status)) return failed;
  const length = String(init.url).length.toLocaleString("en");
  return `${failed}: the server refused a ${length}-character request URL as too long. Split the request into smaller ones${init.urlTooLongHint ? `: ${init.urlTooLongHint}` : "."}`;
}

/** What an {@link HttpError} is built from. */
export interface HttpErrorInit extends CatkitErrorOptions {
  status: number;
  method: string;
  url: string | URL;
  /** The response body when small: parsed JSON or text. Stored redacted. */
  body?: unknown;
  /** Overrides the default message ("GET <url> failed with HTTP 404"). */
  message?: string;
  /** Protocol subclasses pass their own code; default CATKIT_HTTP. */
  code?: CatkitErrorCode;
  /** For HTTP 414 and 431 (URL too long): how to split the request, e.g. the client option or helper that does. */
  urlTooLongHint?: string | undefined;
}

/**
 * The server answered with an error status. `url` is redacted; `body` holds the small error
 * body (parsed JSON when it was JSON). The message quotes at most a few hundred characters
 * of the URL (quoteUrl); for 414 and 431 it says the URL was too long and how to split the
 * request. Protocol packages extend it (IdsNotFoundError, …).
 *
 * @example
 * ```ts
 * try { await client.ping(); }
 * catch (err) { if (err instanceof HttpError && err.status === 502) console.error(err.url); }
 * ```
 */
export class HttpError extends CatkitError {
  static override readonly kind: string = "catkit.HttpError";
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly body: unknown;

  constructor(init: HttpErrorInit) {
    const url = redactUrl(init.url);
    super(init.code ?? CoreErrorCode.Http, init.message ?? defaultMessage(init), init);
    this.status = init.status;
    this.method = init.method;
    this.url = url;
    this.body = typeof init.body === "string" ? redact(init.body) : redactValue(init.body);
  }

  protected override details(): Record<string, unknown> {
    return { status: this.status, method: this.method, url: this.url, ...(this.body === undefined ? {} : { body: this.body }) };
  }
}
