// Whether ssh2's optional native crypto binding loads in this process. It decides much of the
// SFTP speed (AES-GCM without a node:crypto cipher object per SSH packet), and ssh2 falls back to
// node:crypto silently when it is missing — not built (pnpm runs no install script it was not
// told to: pnpm-workspace.yaml's onlyBuiltDependencies) or built for another Node.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * "on" when ssh2 (as @catkit/scicat resolves it) can load its native binding, else "off".
 *
 * @example
 * ```ts
 * console.log(`ssh2 native crypto: ${ssh2NativeCrypto()}`);
 * ```
 */
export function ssh2NativeCrypto(): "on" | "off" {
  const fromScicat = createRequire(import.meta.resolve("@catkit/scicat"));
  try {
    fromScicat(join(dirname(fromScicat.resolve("ssh2/package.json")), "lib", "protocol", "crypto", "build", "Release", "sshcrypto.node"));
    return "on";
  } catch {
    return "off";
  }
}
