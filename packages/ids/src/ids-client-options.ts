import type { CoreClientOptions } from "@catkit/core";

/**
 * Options of {@link IdsClient}: core's client options (url, credential, transport, retry,
 * logger…) plus the URL length limit.
 *
 * @example
 * ```ts
 * const options: IdsClientOptions = { url: "https://ids.example.org/ids", credential: sessionId, maxUrlLength: 8000 };
 * ```
 */
export interface IdsClientOptions extends CoreClientOptions {
  /**
   * Longest URL (query included) sent. Longer selections go through prepareData (getData) or
   * are split (getSize, getStatus, getDatafileIds, delete). Default 4096: well under the 8 KiB
   * request lines common servers and proxies accept (python-icat#22: 880 datafile ids failed).
   */
  maxUrlLength?: number;
}
