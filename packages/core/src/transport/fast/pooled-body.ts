// Any response has a pooled body (the lending contract is in lent-chunk.ts): the fast path's
// own, or one read from `response.body`, whose chunks are fresh buffers so the rule holds
// trivially. And a fast response still offers `response.body` as a Readable, copying.
import { Readable } from "node:stream";
import type { CatkitResponse } from "../response.js";
import { UNPOOLED, type PooledBody } from "./lent-chunk.js";

/**
 * The pooled body of a response: the fast path's own when it served the response and nobody
 * touched `response.body`, otherwise one over `response.body`.
 *
 * @example
 * ```ts
 * const res = await ctx.request({ method: "GET", path: "getData", dataTransfer: true, operation: "ids.getData" });
 * await pooledBody(res).read((chunk) => sink.write(chunk));
 * ```
 */
export function pooledBody(response: CatkitResponse): PooledBody {
  return response.pooled?.() ?? pooledFromReadable(response.body);
}

/**
 * A pooled body over a Readable of buffers (undici's bodies).
 *
 * @example
 * ```ts
 * await pooledFromReadable(res.body).read((chunk) => { total += chunk.length; });
 * ```
 */
export function pooledFromReadable(stream: Readable): PooledBody {
  return {
    read: (onChunk) =>
      new Promise<void>((resolve, reject) => {
        // The handler's promise for the last chunk handed over: 'end' may come before it settles.
        let waiting: PromiseLike<void> | undefined;
        const fail = (err: unknown) => {
          stream.off("data", onData);
          stream.destroy();
          reject(err instanceof Error ? err : new Error(String(err)));
        };
        const onData = (chunk: Buffer | string) => {
          let pending: void | PromiseLike<void>;
          try {
            pending = onChunk(typeof chunk === "string" ? Buffer.from(chunk) : chunk, UNPOOLED);
          } catch (err) {
            return fail(err);
          }
          if (pending === undefined || typeof pending.then !== "function") return;
          stream.pause();
          waiting = pending;
          pending.then(() => {
            if (waiting === pending) waiting = undefined;
            stream.resume();
          }, fail);
        };
        stream.on("data", onData);
        stream.once("end", () => {
          if (waiting) waiting.then(() => resolve(), fail);
          else resolve();
        });
        stream.once("error", fail);
        // A stream destroyed without an error (a request whose client went away) ends no other way.
        stream.once("close", () => {
          if (!stream.readableEnded) fail(Object.assign(new Error("the stream closed before its end"), { code: "ERR_STREAM_PREMATURE_CLOSE" }));
        });
      }),
    cancel: () => stream.destroy(),
  };
}

/**
 * A Readable over a pooled body, copying each chunk (the pooled buffers are reused): what
 * `response.body` is when the fast path served the response.
 *
 * @example
 * ```ts
 * const text = await new Response(Readable.toWeb(readableFromPooled(body))).text();
 * ```
 */
export function readableFromPooled(body: PooledBody, highWaterMark = 64 * 1024): Readable {
  let started = false;
  let wake: (() => void) | undefined;
  const out = new Readable({
    highWaterMark,
    read() {
      if (started) {
        const resume = wake;
        wake = undefined;
        resume?.();
        return;
      }
      started = true;
      body
        .read((chunk) => {
          if (out.destroyed || out.push(Buffer.from(chunk))) return;
          return new Promise<void>((resolve) => (wake = resolve));
        })
        .then(
          () => out.push(null),
          (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
        );
    },
    destroy(err, callback) {
      body.cancel();
      callback(err);
    },
  });
  return out;
}
