#!/usr/bin/env node
// Entry point of the root npm scripts. On a machine that has only Node and npm it:
//   1. on Node older than 22.12, fetches Node 24 from the npm registry and re-runs itself with it
//      (node-bootstrap.mjs; catkit is tested on Node 24 LTS);
//   2. installs the pnpm version pinned by package.json#packageManager, from the npm registry,
//      into .cache/toolchain (no corepack, no global install);
//   3. installs the workspace with the lockfile (`pnpm install --frozen-lockfile`);
//   4. runs the requested task through Nx.
// Plain JavaScript on purpose: it must run before any dependency is installed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureSupportedNode } from "./node-bootstrap.mjs";

const script = fileURLToPath(import.meta.url); // import.meta.filename is too new for the Node this may start on
const root = join(script, "..", "..", "..");

function fail(message) {
  process.stderr.write(`\ncatkit: ${message}\n`);
  process.exit(1);
}

// On Node older than 22.12 this installs Node 24 from the npm registry (once, into
// .cache/toolchain/node24, or $CATKIT_NODE_DIR) and runs this script again with it.
ensureSupportedNode({
  script,
  args: process.argv.slice(2),
  cacheDir: process.env.CATKIT_NODE_DIR ?? join(root, ".cache", "toolchain", "node24"),
  fail,
});

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env, ...options });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  return result.status ?? 1;
}

const rootPkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmSpec = rootPkg.packageManager; // e.g. "pnpm@10.34.8"
if (!/^pnpm@\d+\.\d+\.\d+/.test(pnpmSpec ?? "")) fail('package.json#packageManager must pin "pnpm@x.y.z"');
const pnpmVersion = pnpmSpec.slice("pnpm@".length).split("+")[0];
const toolchain = join(root, ".cache", "toolchain");
const pnpmBin = join(toolchain, "node_modules", ".bin");
const env = { ...process.env, PATH: `${pnpmBin}${delimiter}${process.env.PATH ?? ""}` };
// Native addons (ssh2's optional crypto binding, built at install: pnpm-workspace.yaml's
// onlyBuiltDependencies) must compile against the headers of the Node that runs catkit. node-gyp
// would otherwise take an npmrc `nodedir` — which `npm test` exports as npm_config_nodedir, and
// which on a machine with an older system Node points at that Node's headers: the addon then
// fails to load and ssh2 silently falls back to node:crypto — or try to download them. Node's own
// distribution carries them in include/node, so they win over any inherited setting.
const nodePrefix = dirname(dirname(process.execPath));
if (existsSync(join(nodePrefix, "include", "node", "node.h"))) env.npm_config_nodedir = nodePrefix;

const installedPnpm = join(toolchain, "node_modules", "pnpm", "package.json");
const havePnpm = existsSync(installedPnpm) && JSON.parse(readFileSync(installedPnpm, "utf8")).version === pnpmVersion;
if (!havePnpm) {
  process.stdout.write(`catkit: installing pnpm ${pnpmVersion} from the npm registry into .cache/toolchain\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const status = run(npm, ["install", "--prefix", toolchain, "--no-save", "--no-package-lock", "--no-fund", "--no-audit", `pnpm@${pnpmVersion}`]);
  if (status !== 0) fail(`installing pnpm ${pnpmVersion} failed (exit ${status})`);
}

if (run("pnpm", ["install", "--frozen-lockfile"]) !== 0) fail("pnpm install failed (is pnpm-lock.yaml up to date? run `pnpm install` and commit the lockfile)");

const nx = (...args) => run("pnpm", ["exec", "nx", ...args]);
const parallel = process.env.CATKIT_PARALLEL ?? "2";
const [task = "test", ...rest] = process.argv.slice(2);
let status;
switch (task) {
  case "test":
    // Every package: lint (including the declared-imports check), typecheck (including type
    // tests), unit/integration/broker tests, and publint on the built package.
    status = nx("run-many", "-t", "lint", "typecheck", "test", "test:build", `--parallel=${parallel}`, "--outputStyle=stream", ...rest);
    break;
  case "affected":
    // Only what the change touches, by Nx's project graph (base: $NX_BASE or main).
    status = nx("affected", "-t", "lint", "typecheck", "test", "test:build", `--base=${process.env.NX_BASE ?? "main"}`, `--parallel=${parallel}`, "--outputStyle=stream", ...rest);
    break;
  case "demo":
    status = nx("run", "@catkit/tools:demo", "--outputStyle=stream", ...rest);
    break;
  case "bench":
    status = nx("run", `@catkit/tools:bench${rest[0] ? `:${rest[0]}` : ""}`, "--outputStyle=stream", ...rest.slice(1));
    break;
  case "graph":
    status = nx("graph", ...(rest.length > 0 ? rest : ["--file=.cache/graph.html"]));
    break;
  default:
    status = run("pnpm", [task, ...rest]);
}
process.exit(status);
