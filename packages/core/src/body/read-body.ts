// Helpers for the *small* bodies of control calls (JSON answers, error bodies, text like
// "ONLINE"). Each has a size limit so a misbehaving server cannot make us buffer a file; data
// bodies are never read through these — they stay streams.
import { Readable } from "node:stream";
import { CatkitError } from "../errors/catkit-error.js";
import { CoreErrorCode } from "../errors/error-codes.js";
import { quoteUrl } from "../errors/quote-url.js";
import { requestUrl } from "../transport/request.js";
import type { CatkitResponse } from "../transport/response.js";

/** Default limit for bodies read into memory: 8 MiB (a maxEntities-sized ICAT page fits). */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Reads a small body into memory, failing with CATKIT_RESPONSE_TOO_LARGE past `maxBytes`.
 *
 * @example
 * ```ts
 * const bytes = await readBytes(response, { maxBytes: 64 * 1024 });
 * ```
 */
export function readBytes(response: CatkitResponse, options: { maxBytes?: number } = {}): Promise<Buffer> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const body = response.body;
  // Plain events rather than `for await`: this runs once per control call, and the stream
  // async iterator costs more than the work itself for small answers.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      body.off("data", onData);
      body.destroy();
      reject(
        new CatkitError(
          CoreErrorCode.ResponseTooLarge,
          `${response.request.method} ${quoteUrl(requestUrl(response.request))}: response body exceeds ${limit} bytes; this call expects a small answer`,
        ),
      );
    };
    body.on("data", onData);
    body.once("end", () => resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size)));
    body.once("error", reject);
  });
}

/**
 * Reads a small body as UTF-8 text.
 *
 * @example
 * ```ts
 * const status = (await readText(response)).trim(); // "ONLINE"
 * ```
 */
export async function readText(response: CatkitResponse, options: { maxBytes?: number } = {}): Promise<string> {
  return (await readBytes(response, options)).toString("utf8");
}

/**
 * Throws the body away without keeping it, so the connection can be reused; large leftovers
 * (over 1 MiB) close the connection instead of being downloaded.
 *
 * @example
 * ```ts
 * if (response.status === 204) await discardBody(response);
 * ```
 */
export async function discardBody(response: Pick<CatkitResponse, "body">): Promise<void> {
  const body = response.body;
  if (body.readableEnded || body.destroyed) return;
  let seen = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > 1024 * 1024) {
        body.destroy();
        return;
      }
    }
  } catch {
    // A body we are discarding may fail; nothing depends on it.
  }
}

/**
 * Reads up to `maxBytes` of the body and returns them with an equivalent response whose body
 * replays those bytes (and the rest, if any), so a policy can look at an error body and still
 * hand the response on untouched.
 *
 * @example
 * ```ts
 * const { bytes, response: again } = await peekBody(response, 64 * 1024);
 * ```
 */
export async function peekBody(response: CatkitResponse, maxBytes = 64 * 1024): Promise<{ bytes: Buffer; response: CatkitResponse }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = (response.body as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let done = false;
  while (size < maxBytes) {
    const step = await iterator.next();
    if (step.done) {
      done = true;
      break;
    }
    chunks.push(step.value);
    size += step.value.length;
  }
  const bytes = Buffer.concat(chunks, size);
  async function* replay(): AsyncGenerator<Buffer> {
    yield* chunks;
    if (done) return;
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) yield step.value;
  }
  return { bytes: bytes.subarray(0, maxBytes), response: { ...response, body: Readable.from(replay(), { objectMode: false }) } };
}
