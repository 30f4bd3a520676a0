import { CatkitError, type CatkitErrorOptions } from "./catkit-error.js";
import { CoreErrorCode, type CatkitErrorCode } from "./error-codes.js";
import { redact, redactUrl, redactValue } from "./redact.js";

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
}

/**
 * The server answered with an error status. `url` is redacted; `body` holds the small error
 * body (parsed JSON when it was JSON). Protocol packages extend it (IdsNotFoundError, …).
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
    super(init.code ?? CoreErrorCode.Http, init.message ?? `${init.method} ${url} failed with HTTP ${init.status}`, init);
    this.status = init.status;
    this.method = init.method;
    this.url = url;
    this.body = typeof init.body === "string" ? redact(init.body) : redactValue(init.body);
  }

  protected override details(): Record<string, unknown> {
    return { status: this.status, method: this.method, url: this.url, ...(this.body === undefined ? {} : { body: this.body }) };
  }
}
