// Calls about the server itself: ping, getIcatUrl, isReadOnly, isTwoLevel, getServiceStatus
// (ids.server IdsService.java). All GET; all but getServiceStatus need no session.
import { readJson, ResponseValidationError } from "@catkit/core";
import { sendIds, type CallOptions, type IdsContext, callSettings } from "./ids-context.js";
import { readBooleanAnswer, readTextAnswer } from "./read-answer.js";
import { responseSchemas } from "./lazy-schemas.js";
import type { ServiceStatus } from "./response-schemas.js";

/**
 * `GET ping`: resolves when the server answers `IdsOK`, the proof that it is an IDS.
 *
 * @example
 * ```ts
 * await ping(ctx);
 * ```
 */
export async function ping(ctx: IdsContext, options: CallOptions = {}): Promise<void> {
  const res = await sendIds(ctx, { method: "GET", path: "ping", session: "none", operation: "ids.ping", ...callSettings(options) });
  const text = await readTextAnswer(res);
  if (text !== "IdsOK") {
    throw new ResponseValidationError(`ping: expected "IdsOK", got ${JSON.stringify(text.slice(0, 80))}: is ${ctx.core.baseUrl.href} an IDS?`, {
      issues: ['(root): expected "IdsOK"'],
    });
  }
}

/**
 * `GET getIcatUrl`: the URL of the ICAT this IDS uses (where to log in).
 *
 * @example
 * ```ts
 * const icatUrl = await getIcatUrl(ctx);
 * ```
 */
export async function getIcatUrl(ctx: IdsContext, options: CallOptions = {}): Promise<string> {
  const res = await sendIds(ctx, { method: "GET", path: "getIcatUrl", session: "none", operation: "ids.getIcatUrl", ...callSettings(options) });
  return readTextAnswer(res);
}

/**
 * `GET isReadOnly`: true when put and delete are disabled.
 *
 * @example
 * ```ts
 * if (await isReadOnly(ctx)) console.log("uploads disabled");
 * ```
 */
export async function isReadOnly(ctx: IdsContext, options: CallOptions = {}): Promise<boolean> {
  const res = await sendIds(ctx, { method: "GET", path: "isReadOnly", session: "none", operation: "ids.isReadOnly", ...callSettings(options) });
  return readBooleanAnswer(res);
}

/**
 * `GET isTwoLevel`: true when IDS has archive storage behind its main storage.
 *
 * @example
 * ```ts
 * if (await isTwoLevel(ctx)) await restoreFirst();
 * ```
 */
export async function isTwoLevel(ctx: IdsContext, options: CallOptions = {}): Promise<boolean> {
  const res = await sendIds(ctx, { method: "GET", path: "isTwoLevel", session: "none", operation: "ids.isTwoLevel", ...callSettings(options) });
  return readBooleanAnswer(res);
}

/**
 * `GET getServiceStatus`: queued operations, locks and restore failures. The session's user
 * must be in the IDS `rootUserNames`.
 *
 * @example
 * ```ts
 * const { opsQueue, lockCount, failures } = await getServiceStatus(ctx);
 * ```
 */
export async function getServiceStatus(ctx: IdsContext, options: CallOptions = {}): Promise<ServiceStatus> {
  const res = await sendIds(ctx, { method: "GET", path: "getServiceStatus", session: "required", operation: "ids.getServiceStatus", ...callSettings(options) });
  return readJson(res, (await responseSchemas()).ServiceStatusSchema);
}
