// Posting e-logbook messages (pyicat-plus client/elogbook.py): POST
// dataacquisition/{apiKey}/notification (text) or …/base64 (images) with instrumentName,
// investigationName and investigationId in the query, each only when set. The apiKey is a
// secret: registered for redaction, never written to the outbox (entries keep the endpoint and
// query; the key is added when they are flushed).
import { HttpError, NetworkError, registerSecret, TimeoutError, type ClientContext } from "@catkit/core";
import type { Lane } from "../outbox/lane.js";

/**
 * Where a message goes.
 *
 * @example
 * ```ts
 * const t: ElogbookTarget = { endpoint: "notification", beamline: "id00", proposal: "hg123" };
 * ```
 */
export interface ElogbookTarget {
  endpoint: "notification" | "base64";
  beamline?: string | undefined;
  proposal?: string | undefined;
  investigationId?: string | number | undefined;
}

/**
 * Sends e-logbook bodies (already serialized) to ICAT+.
 *
 * @example
 * ```ts
 * const elogbook = new ElogbookClient(ctx, token, 10_000);
 * await elogbook.post(JSON.stringify(message), JSON.stringify({ endpoint: "notification", beamline: "id00" }));
 * ```
 */
export class ElogbookClient {
  readonly #ctx: ClientContext;
  readonly #token: string;
  readonly #timeoutMs: number;

  constructor(ctx: ClientContext, token: string, timeoutMs: number) {
    registerSecret(token);
    this.#ctx = ctx;
    this.#token = token;
    this.#timeoutMs = timeoutMs;
  }

  /** POSTs a body to the target (a JSON {@link ElogbookTarget}); resolves on 2xx. */
  async post(body: string, target: string): Promise<void> {
    const t = JSON.parse(target) as ElogbookTarget;
    const res = await this.#ctx.request({
      method: "POST",
      path: `dataacquisition/${encodeURIComponent(this.#token)}/${t.endpoint}`,
      query: { instrumentName: t.beamline || undefined, investigationName: t.proposal || undefined, investigationId: t.investigationId ?? undefined },
      body: { kind: "bytes", data: body, contentType: "application/json" },
      session: "none",
      retry: false,
      timeouts: { headersMs: this.#timeoutMs, bodyMs: this.#timeoutMs },
      operation: `icatplus.elogbook.${t.endpoint}`,
    });
    res.body.resume();
  }

  /** The dispatcher lane: network errors, timeouts and 5xx are kept in the outbox; 4xx are thrown. */
  lane(): Lane {
    return {
      key: "elogbook",
      send: (body, _id, target) => this.post(body, target ?? '{"endpoint":"notification"}'),
      keep: (err) => err instanceof NetworkError || err instanceof TimeoutError || (err instanceof HttpError && err.status >= 500),
    };
  }
}
