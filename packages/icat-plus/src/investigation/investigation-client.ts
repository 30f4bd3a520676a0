// Investigation and dataset look-ups by e-logbook token (pyicat-plus client/investigation.py):
// GET dataacquisition/{apiKey}/investigation?instrumentName&investigationName and
// …/dataset?investigationId. pyicat-plus's return convention is kept: undefined (None) = "not
// available now" (timeout, network error), null ({}) = no matching investigation; a non-2xx
// answer counts as an empty list, as upstream logs and goes on. Results are cached per
// (beamline, proposal, date) like upstream's MaxSizeDict(20), including its quirk that a look-up
// without a date keeps answering the first result.
import { readJson, registerSecret, type ClientContext, type Logger } from "@catkit/core";
import { normalizeInvestigation, toRegisteredDataset, type InvestigationInfo, type RegisteredDataset } from "./investigation-info.js";
import { selectInvestigation, type IcatPlusInvestigation, type LookupDate } from "./select-investigation.js";

/**
 * Options of a look-up.
 *
 * @example
 * ```ts
 * const o: LookupOptions = { date: "2024-03-01", allowOpenEnded: false, timeout: 2 };
 * ```
 */
export interface LookupOptions {
  /** A point in time, or "YYYY-MM-DD" (default now). */
  date?: LookupDate | undefined;
  /** Default true. */
  allowOpenEnded?: boolean | undefined;
  /** Seconds (default the client's feedbackTimeout). */
  timeout?: number | undefined;
}

/**
 * The investigation part of the ICAT+ API.
 *
 * @example
 * ```ts
 * const investigations = new InvestigationClient(ctx, token, { timeoutMs: 10_000, dataPortalUrl: "https://data.esrf.fr", logger });
 * ```
 */
export class InvestigationClient {
  readonly #cache = new Map<string, InvestigationInfo>();
  private readonly ctx: ClientContext;
  private readonly token: string;
  private readonly options: { timeoutMs: number; dataPortalUrl: string; logger: Logger; now: () => Date };

  constructor(ctx: ClientContext, token: string, options: { timeoutMs: number; dataPortalUrl: string; logger: Logger; now: () => Date }) {
    registerSecret(token);
    this.ctx = ctx;
    this.token = token;
    this.options = options;
  }

  async #get(path: string, query: Record<string, string | number>, timeout: number | undefined): Promise<unknown[] | undefined> {
    const ms = timeout === undefined ? this.options.timeoutMs : timeout * 1000;
    try {
      const res = await this.ctx.send({
        method: "GET",
        url: this.ctx.url(`dataacquisition/${encodeURIComponent(this.token)}/${path}`),
        query: new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])),
        auth: false,
        signal: AbortSignal.timeout(ms),
        operation: `icatplus.${path}`,
      });
      if (res.status < 200 || res.status > 299) {
        this.options.logger.error(`icatplus.${path}: HTTP ${res.status}`);
        res.body.resume();
        return [];
      }
      const body = await readJson(res);
      return Array.isArray(body) ? (body as unknown[]) : [];
    } catch (err) {
      this.options.logger.warn(`icatplus.${path}: not available (${err instanceof Error ? err.message : String(err)})`);
      return undefined;
    }
  }

  /** investigation_info. */
  async investigationInfo(beamline: string, proposal: string, options: LookupOptions = {}): Promise<InvestigationInfo | null | undefined> {
    const key = JSON.stringify([beamline, proposal, options.date instanceof Date ? options.date.getTime() : (options.date ?? null)]);
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const list = await this.#get("investigation", { instrumentName: beamline, investigationName: proposal }, options.timeout);
    if (list === undefined) return undefined;
    const picked = selectInvestigation(list as IcatPlusInvestigation[], options.date, options.allowOpenEnded ?? true, this.options.now);
    if (!picked) return null;
    const info = normalizeInvestigation(picked, this.options.dataPortalUrl);
    if (this.#cache.size >= 20) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(key, info);
    return info;
  }

  /** registered_datasets. */
  async registeredDatasets(beamline: string, proposal: string, options: LookupOptions = {}): Promise<RegisteredDataset[] | undefined> {
    const info = await this.investigationInfo(beamline, proposal, options);
    if (!info) return undefined;
    const list = await this.#get("dataset", { investigationId: info.id }, options.timeout);
    return list?.map((d) => toRegisteredDataset(d as Parameters<typeof toRegisteredDataset>[0]));
  }
}
