// `GET version`, with python-icat's fallbacks for servers that predate it (PI src/icat/ids.py
// `_get_legacy_version`): `version` exists since ids.server 1.8.0; `getApiVersion` existed from
// 1.3.0 until it was removed in 2.0.0; `isReadOnly` since 1.2.0.
import { HttpError, readJson } from "@catkit/core";
import { sendIds, type CallOptions, type IdsContext, callSettings } from "./ids-context.js";
import { responseSchemas } from "./lazy-schemas.js";
import { readTextAnswer } from "./read-answer.js";
import { isReadOnly, ping } from "./server-info.js";

/**
 * The server's version, `{ version: "2.1.1" }`.
 *
 * @example
 * ```ts
 * const { version } = await ids.version();
 * ```
 */
export interface IdsVersion {
  version: string;
}

// What an old server answers for a path it does not know: 404 from the container, or 501 from
// ids.server's NotFoundExceptionMapper.
function isMissingCall(err: unknown): boolean {
  return err instanceof HttpError && (err.status === 404 || err.status === 501 || err.status === 405);
}

async function legacyVersion(ctx: IdsContext, options: CallOptions): Promise<string> {
  try {
    const res = await sendIds(ctx, { method: "GET", path: "getApiVersion", session: "none", operation: "ids.getApiVersion", ...callSettings(options) });
    return await readTextAnswer(res);
  } catch (err) {
    if (!isMissingCall(err)) throw err;
  }
  // Make sure the server is there at all before reading missing calls as an old version.
  await ping(ctx, options);
  try {
    await isReadOnly(ctx, options);
    return "1.2.0";
  } catch (err) {
    if (!isMissingCall(err)) throw err;
    return "1.0.0"; // 1.0.0, 1.0.1 and 1.1.0 cannot be told apart
  }
}

/**
 * `GET version`, falling back to the legacy probes on servers older than 1.8.0.
 *
 * @example
 * ```ts
 * const { version } = await version(ctx); // "2.1.1"
 * ```
 */
export async function version(ctx: IdsContext, options: CallOptions = {}): Promise<IdsVersion> {
  try {
    const res = await sendIds(ctx, { method: "GET", path: "version", session: "none", operation: "ids.version", ...callSettings(options) });
    return await readJson(res, (await responseSchemas()).VersionSchema);
  } catch (err) {
    if (!isMissingCall(err)) throw err;
    return { version: await legacyVersion(ctx, options) };
  }
}

/**
 * The server version as a string: the old `getApiVersion` call, emulated with `version`
 * (python-icat does the same, since ids.server 2.0 removed getApiVersion).
 *
 * @example
 * ```ts
 * const v = await getApiVersion(ctx); // "2.1.1"
 * ```
 */
export async function getApiVersion(ctx: IdsContext, options: CallOptions = {}): Promise<string> {
  return (await version(ctx, options)).version;
}
