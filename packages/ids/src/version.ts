/**
 * The version of `@catkit/ids`, sent in the User-Agent header (`catkit-ids/<version>`).
 *
 * @example
 * ```ts
 * import { IDS_CLIENT_VERSION } from "@catkit/ids";
 * console.log(`using @catkit/ids ${IDS_CLIENT_VERSION}`);
 * ```
 */
export const IDS_CLIENT_VERSION = "0.1.0";
