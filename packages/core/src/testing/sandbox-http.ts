// Small request/response helpers for sandbox handlers (form bodies, JSON and text answers).
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Reads a small request body (forms, JSON). Rejects past `maxBytes`.
 *
 * @example
 * ```ts
 * const text = (await readRequestBody(req)).toString("utf8");
 * ```
 */
export async function readRequestBody(req: IncomingMessage, maxBytes = 16 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new Error(`request body exceeds ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Reads an `application/x-www-form-urlencoded` body (any `;charset=` ignored, as icat.server's
 * ContentTypeFilter strips it).
 *
 * @example
 * ```ts
 * const form = await readForm(req); form.get("sessionId");
 * ```
 */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readRequestBody(req)).toString("utf8"));
}

/**
 * The query parameters of a request.
 *
 * @example
 * ```ts
 * const query = queryOf(req); query.get("datafileIds");
 * ```
 */
export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? "/", "http://sandbox").searchParams;
}

/**
 * The path of a request, without the query.
 *
 * @example
 * ```ts
 * if (pathOf(req) === "/ids/ping") …
 * ```
 */
export function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? "/", "http://sandbox").pathname;
}

/**
 * Answers with JSON.
 *
 * @example
 * ```ts
 * sendJson(res, 200, { version: "2.1.1" });
 * ```
 */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Answers with text/plain.
 *
 * @example
 * ```ts
 * sendText(res, 200, "IdsOK");
 * ```
 */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Answers with no body (204 by default).
 *
 * @example
 * ```ts
 * sendEmpty(res);
 * ```
 */
export function sendEmpty(res: ServerResponse, status = 204): void {
  res.writeHead(status);
  res.end();
}
