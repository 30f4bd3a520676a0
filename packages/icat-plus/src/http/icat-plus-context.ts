// The HTTP plumbing of ICAT+ calls: core's client context (transport, retry of idempotent
// calls, redacting logger, typed HttpError), with pyicat-plus's URL normalization (https://
// added when the scheme is missing, utils/url.py).
//
// Upstream quirks decided here (README "ICAT+ quirks"):
// - pyicat-plus joins paths with urljoin, so a base URL with a path but no trailing "/" loses its
//   last segment; catkit always resolves under the base path ("https://h/icatplus" → ".../icatplus/…").
// - pyicat-plus builds e-logbook query strings without encoding; catkit encodes them.
// - get_session_information goes to "/session/{id}" at the host root; catkit keeps it under the
//   base path like every other call.
import { createClientContext, type ClientContext, type Logger, type Transport } from "@catkit/core";
import { VERSION } from "../version.js";

/**
 * Adds "https://" when `url` has no scheme (pyicat-plus DEFAULT_SCHEME).
 *
 * @example
 * ```ts
 * normalizeIcatPlusUrl("icatplus.esrf.fr"); // "https://icatplus.esrf.fr"
 * ```
 */
export function normalizeIcatPlusUrl(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
}

/**
 * A core client context for an ICAT+ base URL.
 *
 * @example
 * ```ts
 * const ctx = icatPlusContext("https://icatplus.esrf.fr", {});
 * ```
 */
export function icatPlusContext(url: string, options: { transport?: Transport | undefined; logger?: Logger | undefined }): ClientContext {
  return createClientContext(
    {
      url: normalizeIcatPlusUrl(url),
      ...(options.transport ? { transport: options.transport } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    },
    { name: "catkit-icat-plus", version: VERSION, credentialHint: "an ICAT+ session: call doLogIn first" },
  );
}
