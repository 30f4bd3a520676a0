// A small fixed-phase pipeline: serialize → retry → sign → send → transport. Each policy names
// its phase; within a phase, policies run in the order given. Signing sits *inside* retry, so
// every attempt is signed afresh — after a re-login the retried request carries the new session
// (Azure core's Sign-after-Retry, smithy's finalizeRequest step). The order is pinned by a test
// (test/unit/pipeline-order.test.ts) because undici's own docs and code disagree on composition.
import type { CatkitRequest } from "../transport/request.js";
import type { CatkitResponse } from "../transport/response.js";
import type { Transport } from "../transport/transport.js";

/** Pipeline phases, outermost first. */
export const PHASES = ["serialize", "retry", "sign", "send"] as const;

/** Where a policy runs. */
export type Phase = (typeof PHASES)[number];

/** Sends a request on to the next policy (or the transport). */
export type SendRequest = (request: CatkitRequest) => Promise<CatkitResponse>;

/**
 * One step of the pipeline. `send` may change the request (by copying it), call `next` zero or
 * more times, and inspect or replace the response.
 *
 * @example
 * ```ts
 * const tracing: Policy = {
 *   name: "tracing",
 *   phase: "send",
 *   send: (req, next) => next({ ...req, headers: { ...req.headers, traceparent: makeTraceparent() } }),
 * };
 * ```
 */
export interface Policy {
  readonly name: string;
  readonly phase: Phase;
  send(request: CatkitRequest, next: SendRequest): Promise<CatkitResponse>;
}

/**
 * Composes policies around a transport, ordered by phase (stable within a phase).
 *
 * @example
 * ```ts
 * const send = createPipeline(new UndiciTransport(), [retryPolicy(), authPolicy({ credential, apply })]);
 * const res = await send({ method: "GET", url: "https://icat.example.org/icat/version" });
 * ```
 */
export function createPipeline(transport: Transport, policies: readonly Policy[]): SendRequest {
  const ordered = [...policies].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
  const last: SendRequest = (request) => transport.send(request);
  return ordered.reduceRight<SendRequest>((next, policy) => (request) => policy.send(request, next), last);
}
