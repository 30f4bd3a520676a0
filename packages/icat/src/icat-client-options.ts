import type { CoreClientOptions } from "@catkit/core";
import type { IdsClient } from "@catkit/ids";

/**
 * Options of {@link IcatClient}: core's client options (url, credential, transport, retry,
 * logger…) plus the IDS to use for the data calls and the session refresh window.
 *
 * `credential` may be a login (`icatLogin(…)`), a session id string, or left out and set later
 * with `icat.login(plugin, credentials)`.
 *
 * @example
 * ```ts
 * const options: IcatClientOptions = { url: "https://icat.example.org/icat", idsUrl: "https://icat.example.org/ids" };
 * ```
 */
export interface IcatClientOptions extends CoreClientOptions {
  /** The IDS base URL (python-icat `idsurl`): enables putData, getData… and `icat.ids`. */
  idsUrl?: string | URL;
  /** An IdsClient to use instead of one made from `idsUrl` (give it `icat.credential` to share the session). */
  ids?: IdsClient;
  /** Refresh the session when less than this remains, ms (default 30 min, python-icat's AutoRefreshRemain). */
  refreshWindowMs?: number;
}
