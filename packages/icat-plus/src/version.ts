// The package version, for the default `software` metadata and the user agent.

/**
 * This package's version.
 *
 * @example
 * ```ts
 * console.log(`@catkit/icat-plus ${VERSION}`);
 * ```
 */
export const VERSION = "0.1.0";
