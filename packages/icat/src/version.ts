/**
 * The version of `@catkit/icat`, sent in the User-Agent header (`catkit-icat/<version>`).
 *
 * @example
 * ```ts
 * import { ICAT_CLIENT_VERSION } from "@catkit/icat";
 * console.log(`using @catkit/icat ${ICAT_CLIENT_VERSION}`);
 * ```
 */
export const ICAT_CLIENT_VERSION = "0.1.0";
