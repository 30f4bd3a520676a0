// scitacean's URL normalisation (SCT:src/scitacean/client.py _normalize_api_url, _url_concat):
// a trailing /v3 or /v4 is dropped and the URL made to end in /api, so "https://h",
// "https://h/api", "https://h/api/v3" and "https://h/api/v4/" all name the same API. Calls then
// go to `${api}/${version}/${path}`.
import { InvalidArgumentError } from "@catkit/core";

/**
 * The normalised API root, ending in "/api/" (with the trailing slash, so paths resolve under it).
 *
 * @example
 * ```ts
 * normalizeApiUrl("https://scicat.example.org/api/v3"); // "https://scicat.example.org/api/"
 * normalizeApiUrl("https://scicat.example.org");        // "https://scicat.example.org/api/"
 * ```
 */
export function normalizeApiUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgumentError(`url must be an absolute http(s) URL, got ${JSON.stringify(String(url))}`, { argument: "url" });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new InvalidArgumentError(`url must use http or https, got ${parsed.protocol}`, { argument: "url" });
  }
  let path = parsed.pathname.replace(/\/+$/, "");
  path = path.replace(/\/v[34]$/, "");
  if (!path.endsWith("/api")) path += "/api";
  parsed.pathname = `${path}/`;
  parsed.search = "";
  parsed.hash = "";
  return parsed.toString();
}
