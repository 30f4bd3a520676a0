// The package version, read once from package.json (two levels up from both src/ and dist/).
import { createRequire } from "node:module";

/**
 * @catkit/cli's version.
 *
 * @example
 * ```ts
 * cliVersion(); // "0.1.0"
 * ```
 */
export function cliVersion(): string {
  const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
  return pkg.version;
}
