// The CatkitResponse of the fast path. Its body can be read once, either as the pooled body
// (no copy; `pooledBody(response)`) or as `response.body`, a Readable that copies each chunk
// (error bodies, callers that want a stream). Whichever is asked for first claims it.
import type { Readable } from "node:stream";
import type { CatkitRequest } from "../request.js";
import type { CatkitResponse } from "../response.js";
import type { PooledBody } from "./lent-chunk.js";
import { readableFromPooled } from "./pooled-body.js";

/**
 * Wraps a fast-path body as a CatkitResponse.
 *
 * @example
 * ```ts
 * return fastResponse(head.status, head.headers, body, request);
 * ```
 */
export function fastResponse(status: number, headers: CatkitResponse["headers"], body: PooledBody, request: CatkitRequest): CatkitResponse {
  let stream: Readable | undefined;
  let pooledClaimed = false;
  return {
    status,
    headers,
    request,
    get body(): Readable {
      if (pooledClaimed) throw new Error("this response body is being read as a pooled body");
      return (stream ??= readableFromPooled(body));
    },
    pooled: () => {
      if (stream !== undefined) return undefined;
      pooledClaimed = true;
      return body;
    },
  };
}
