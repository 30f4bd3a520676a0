import type { CatkitRequest } from "./request.js";
import type { CatkitResponse } from "./response.js";

/**
 * Sends one HTTP request and returns the response with its body as a stream. A transport never
 * retries, authenticates, parses or buffers: policies do the first two, body helpers the rest.
 * Implement it to plug in another HTTP stack; {@link UndiciTransport} is the default.
 *
 * @example
 * ```ts
 * const transport: Transport = new UndiciTransport({ connections: 8 });
 * const res = await transport.send({ method: "GET", url: "https://ids.example.org/ids/ping" });
 * ```
 */
export interface Transport {
  send(request: CatkitRequest): Promise<CatkitResponse>;
  /** Closes idle connections; pending requests finish first. */
  close(): Promise<void>;
}
