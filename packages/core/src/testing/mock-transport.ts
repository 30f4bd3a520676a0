// Test doubles for unit tests: a Transport answering from a function, and an UndiciTransport on
// undici's MockAgent with the network disabled (undici's recommended mocking setup).
import { Readable } from "node:stream";
import { MockAgent } from "undici";
import type { CatkitRequest } from "../transport/request.js";
import type { CatkitResponse } from "../transport/response.js";
import type { Transport } from "../transport/transport.js";
import { UndiciTransport } from "../transport/undici-transport.js";

/** What a mock handler answers. */
export interface MockReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** A Transport that records requests and answers from `handler`. */
export interface MockTransport extends Transport {
  readonly calls: CatkitRequest[];
}

/**
 * A transport that calls `handler` for each request (throw from it to simulate a network error).
 *
 * @example
 * ```ts
 * const transport = mockTransport(() => ({ status: 200, body: "IdsOK" }));
 * ```
 */
export function mockTransport(handler: (request: CatkitRequest, call: number) => MockReply | Promise<MockReply>): MockTransport {
  const calls: CatkitRequest[] = [];
  return {
    calls,
    async send(request): Promise<CatkitResponse> {
      calls.push(request);
      const reply = await handler(request, calls.length);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(reply.headers ?? {})) headers[k.toLowerCase()] = v;
      const body = reply.body === undefined ? [] : [typeof reply.body === "string" ? Buffer.from(reply.body) : reply.body];
      return { status: reply.status, headers, body: Readable.from(body, { objectMode: false }), request };
    },
    close: () => Promise.resolve(),
  };
}

/**
 * An UndiciTransport on a MockAgent that refuses real connections. Call `assertDone()` at the end
 * of a test to fail on interceptors that were never used.
 *
 * @example
 * ```ts
 * const { transport, agent, assertDone } = mockAgentTransport();
 * agent.get("https://ids.example.org").intercept({ path: "/ids/ping" }).reply(200, "IdsOK");
 * ```
 */
export function mockAgentTransport(): { transport: UndiciTransport; agent: MockAgent; assertDone: () => void } {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return { transport: new UndiciTransport({ dispatcher: agent }), agent, assertDone: () => agent.assertNoPendingInterceptors() };
}
