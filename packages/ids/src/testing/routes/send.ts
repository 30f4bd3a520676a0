// Answers in IDS's formats: text/plain for strings, booleans and numbers, JSON objects, and the
// empty 204 of void methods (JAX-RS).
import type { ServerResponse } from "node:http";
import { sendEmpty, sendJson, sendText } from "@catkit/core/testing";

/**
 * Sends a text/plain answer ("IdsOK", "true", a size, a status, a preparedId).
 *
 * @example
 * ```ts
 * text(res, "ONLINE");
 * ```
 */
export function text(res: ServerResponse, value: string | number | boolean): void {
  sendText(res, 200, String(value));
}

/**
 * Sends a JSON answer with the given status (200 by default).
 *
 * @example
 * ```ts
 * json(res, { version: "2.1.1" });
 * ```
 */
export function json(res: ServerResponse, value: unknown, status = 200): void {
  sendJson(res, status, value);
}

/**
 * Sends the 204 of a void resource method.
 *
 * @example
 * ```ts
 * noContent(res);
 * ```
 */
export function noContent(res: ServerResponse): void {
  sendEmpty(res, 204);
}
