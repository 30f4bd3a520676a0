// The low-level SciCat client (scitacean's ScicatClient): one typed method per endpoint,
// grouped by resource, plus `call` for any other route. The high-level ScicatClient uses it.
import { createClientContext, tokenAs, type CatkitResponse, type CoreClientOptions } from "@catkit/core";
import { scicatErrorMapper } from "../errors/scicat-error-mapper.js";
import { SCICAT_CLIENT_VERSION } from "../version.js";
import { callJson, callRaw, type ApiContext, type ScicatCall } from "./api-context.js";
import { normalizeApiUrl } from "./api-url.js";
import { authApi } from "./auth-api.js";
import { datablocksApi } from "./datablocks-api.js";
import { attachmentsApi, origDatablocksApi } from "./blocks-api.js";
import { datasetsApi } from "./datasets-api.js";
import { entityApi } from "./entities-api.js";
import { publishedDataApi } from "./published-data-api.js";
import { isSessionExpired } from "./session-expiry.js";

/**
 * Options of {@link ScicatApi}: core's client options; `url` may be the site, `/api`, `/api/v3`
 * or `/api/v4` (normalised as scitacean does).
 *
 * @example
 * ```ts
 * const api = new ScicatApi({ url: "https://scicat.example.org", credential: token, retry: false });
 * ```
 */
export type ScicatApiOptions = CoreClientOptions;

/**
 * One method per SciCat endpoint (reference §1.9), returning the server's JSON.
 *
 * @example
 * ```ts
 * const api = new ScicatApi({ url: "https://scicat.example.org/api/v3", credential: token });
 * const { count } = await api.datasets.count({ where: { ownerGroup: "ingestor" } });
 * const raw = await api.call({ method: "GET", version: "v3", path: "policies", operation: "policies" });
 * ```
 */
export class ScicatApi {
  readonly #ctx: ApiContext;
  readonly auth: ReturnType<typeof authApi>;
  readonly datasets: ReturnType<typeof datasetsApi>;
  readonly origDatablocks: ReturnType<typeof origDatablocksApi>;
  /** Archive datablocks (v3). */
  readonly datablocks: ReturnType<typeof datablocksApi>;
  readonly attachments: ReturnType<typeof attachmentsApi>;
  /** Published data (v4). */
  readonly publishedData: ReturnType<typeof publishedDataApi>;
  readonly samples: ReturnType<typeof entityApi>;
  readonly proposals: ReturnType<typeof entityApi>;
  readonly instruments: ReturnType<typeof entityApi>;

  constructor(options: ScicatApiOptions) {
    const core = createClientContext(
      { ...options, url: normalizeApiUrl(options.url) },
      { name: "catkit-scicat", version: SCICAT_CLIENT_VERSION, errorMapper: scicatErrorMapper, auth: { apply: tokenAs.bearer, isAuthFailure: isSessionExpired } },
    );
    this.#ctx = { core };
    this.auth = authApi(this.#ctx);
    this.datasets = datasetsApi(this.#ctx);
    this.origDatablocks = origDatablocksApi(this.#ctx);
    this.datablocks = datablocksApi(this.#ctx);
    this.attachments = attachmentsApi(this.#ctx);
    this.publishedData = publishedDataApi(this.#ctx);
    this.samples = entityApi(this.#ctx, "samples");
    this.proposals = entityApi(this.#ctx, "proposals");
    this.instruments = entityApi(this.#ctx, "instruments");
  }

  /** The normalised API root, e.g. "https://scicat.example.org/api/". */
  get url(): string {
    return this.#ctx.core.baseUrl.href;
  }

  /** True when the client has a credential (token or login). */
  get authenticated(): boolean {
    return this.#ctx.core.credential !== undefined;
  }

  /** Escape hatch: any route, JSON in and out (undefined for an empty body). */
  call(call: ScicatCall): Promise<unknown> {
    return callJson(this.#ctx, call);
  }

  /** Escape hatch returning the raw response (streamed body) once its status is 2xx. */
  callRaw(call: ScicatCall): Promise<CatkitResponse> {
    return callRaw(this.#ctx, call);
  }

  /** Closes the connection pool (when the client created it). */
  close(): Promise<void> {
    return this.#ctx.core.close();
  }
}
