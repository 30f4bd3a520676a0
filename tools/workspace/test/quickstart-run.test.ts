// issue 7 item 15: every package README's quick start runs as written in a fresh project. The
// packages are packed (`pnpm pack`, as published) and a temp project installs exactly what the
// README's install block says, with pnpm (whose node_modules, unlike npm's, make only the named
// packages importable); @catkit/* names resolve to the packed tarballs (also as dependencies of
// each other, through pnpm overrides), everything else comes from the registry. The quick start is
// copied out of the README unchanged except for the facility's URLs, which point at the ICAT + IDS
// sandboxes; Node runs it (types stripped) and it must finish and print what its comments say.
// A snippet that uses files it never creates, imports what the install does not provide, or
// leaves a stream open fails here.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { packPackage } from "../../vitest/pack-package.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const tmp = mkdtempSync(join(tmpdir(), "catkit-quickstart-"));
const PACKED = ["core", "ids", "icat"] as const;
const tarballs = new Map<string, string>();
let sandbox: IcatAndIdsSandbox;
beforeAll(async () => {
  sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture, twoLevel: { restoreDelayMs: 200 } });
  const dir = join(tmp, "tgz");
  for (const pkg of PACKED) {
    tarballs.set(`@catkit/${pkg}`, packPackage(join(root, "packages", pkg), join(dir, pkg)));
  }
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * What the README says to install (the `pnpm add …` lines of its install block, and any
 * `` `pnpm add …` `` the quick start's text asks for) and the first TypeScript block after `## <heading>`.
 */
function readme(pkg: string, heading: string): { installs: string[]; code: string } {
  const text = readFileSync(join(root, "packages", pkg, "README.md"), "utf8");
  const sh = /```sh\n([\s\S]*?)```/.exec(text)?.[1] ?? "";
  const at = text.indexOf(`\n## ${heading}`);
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(at));
  const prose = block ? text.slice(at, at + block.index) : "";
  const commands = [...sh.split("\n").map((line) => line.replace(/#.*/, "")), ...[...prose.matchAll(/`(pnpm add [^`]+)`/g)].map((m) => m[1] ?? "")];
  const installs = commands
    .map((line) => line.trim())
    .filter((line) => line.startsWith("pnpm add "))
    .flatMap((line) => line.slice("pnpm add ".length).split(/\s+/).filter((word) => word !== "" && !word.startsWith("-")));
  const code = block?.[1];
  if (installs.length === 0 || at < 0 || code === undefined) throw new Error(`packages/${pkg}/README.md needs a "pnpm add" block and a "## ${heading}" TypeScript block`);
  return { installs, code };
}

/** Installs what the README says into a new project, runs its quick start there, returns stdout. */
async function runQuickStart(pkg: string, heading: string): Promise<{ stdout: string; app: string }> {
  const { installs, code } = readme(pkg, heading);
  const app = join(tmp, pkg);
  mkdirSync(app);
  const overrides = Object.fromEntries([...tarballs].map(([name, tgz]) => [name, `file:${tgz}`]));
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "quickstart", private: true, type: "module", pnpm: { overrides } })}\n`);
  const specs = installs.map((name) => (tarballs.has(name) ? `file:${tarballs.get(name) ?? ""}` : name));
  await promisify(execFile)("pnpm", ["add", "--config.confirmModulesPurge=false", ...specs], { cwd: app, timeout: 180_000 });
  writeFileSync(
    join(app, "quickstart.ts"),
    code.replaceAll("https://icat.example.org/icat", sandbox.icatUrl).replaceAll("https://icat.example.org/ids", sandbox.idsUrl),
  );
  // Plain output whatever the runner's colour settings (console.log colours numbers under FORCE_COLOR).
  const { FORCE_COLOR: _colour, ...env } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, ["quickstart.ts"], { cwd: app, timeout: 120_000, env: { ...env, NO_COLOR: "1" } });
  return { stdout, app };
}

describe("README quick starts, run in a fresh project", () => {
  it("@catkit/core: an ICAT login and search with core's plumbing", async () => {
    const { stdout } = await runQuickStart("core", "Quick start");
    expect(stdout).toBe("6.2.0\n[ '12100409-ST' ]\n");
  }, 240_000);

  it("@catkit/ids: python-icat's IDS tutorial against the IDS sandbox", async () => {
    const { stdout } = await runQuickStart("ids", "Quick start");
    expect(stdout).toBe("[ 'bef32c73', '9012de77', 'cc830993' ]\n12 true\nARCHIVED\nONLINE\ntrue\n");
  }, 240_000);

  it("@catkit/icat: python-icat's IDS tutorial", async () => {
    const { stdout, app } = await runQuickStart("icat", "Quick start");
    // Every line the tutorial prints, in order (a quick start that closed stdout early lost the last).
    expect(stdout).toMatch(/^greet-jdoe\.txt 12 bef32c73 \S+\ngreet-nbour\.txt 15 9012de77 \S+\ngreet-rbeck\.txt 15 cc830993 \S+\nHello John!\nARCHIVED\n$/);
    expect(readdirSync(app)).toEqual(expect.arrayContaining(["greet-jdoe.txt", "greetings.zip", "greetings-prepared.zip"]));
  }, 240_000);
});
