// issue 7 item 15: the ICAT README's quick start runs as written in a fresh project. The packages
// are packed (`pnpm pack`, as published) and installed with npm into an empty directory; the quick
// start is copied out of the README unchanged except for the facility's URLs, which point at the
// ICAT + IDS sandboxes; Node runs it (types stripped) and it must finish and print the tutorial's
// greeting. A snippet that uses files it never creates, an import the install does not provide, or
// a stream left open fails here.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const tmp = mkdtempSync(join(tmpdir(), "catkit-quickstart-"));
let sandbox: IcatAndIdsSandbox;
beforeAll(async () => {
  sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture, twoLevel: { restoreDelayMs: 200 } });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The first TypeScript block after the README heading that starts with `heading`. */
function quickStart(readme: string, heading: string): string {
  const text = readFileSync(readme, "utf8");
  const at = text.indexOf(`\n## ${heading}`);
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(at));
  if (at < 0 || !block?.[1]) throw new Error(`no "## ${heading}" TypeScript block in ${readme}`);
  return block[1];
}

/** Packs `packages` (as published) and installs them, plus `extra` registry packages, into a new directory. */
function freshProject(name: string, packages: readonly string[], extra: readonly string[] = []): string {
  const tgz = join(tmp, `${name}-tgz`);
  const app = join(tmp, name);
  mkdirSync(app);
  for (const pkg of packages) execFileSync("pnpm", ["pack", "--pack-destination", tgz], { cwd: join(root, "packages", pkg), stdio: "ignore" });
  writeFileSync(join(app, "package.json"), `{ "name": "${name}", "private": true, "type": "module" }\n`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...readdirSync(tgz).map((f) => join(tgz, f)), ...extra], { cwd: app, stdio: "ignore" });
  return app;
}

/** Runs `code` with Node in `app`, with plain output whatever the runner's colour settings. */
async function run(app: string, code: string): Promise<string> {
  writeFileSync(join(app, "quickstart.ts"), code);
  const { FORCE_COLOR: _colour, ...env } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, ["quickstart.ts"], { cwd: app, timeout: 120_000, env: { ...env, NO_COLOR: "1" } });
  return stdout;
}

describe("README quick starts, run in a fresh project", () => {
  it("@catkit/icat: python-icat's IDS tutorial, against the sandboxes' URLs", async () => {
    const app = freshProject("icat-app", ["core", "ids", "icat"]);
    const code = quickStart(join(root, "packages/icat/README.md"), "Quick start")
      .replaceAll("https://icat.example.org/icat", sandbox.icatUrl)
      .replaceAll("https://icat.example.org/ids", sandbox.idsUrl);
    const stdout = await run(app, code);
    // Every line the tutorial prints, in order (a quick start that closed stdout early lost the last).
    expect(stdout).toMatch(/^greet-jdoe\.txt 12 bef32c73 \S+\ngreet-nbour\.txt 15 9012de77 \S+\ngreet-rbeck\.txt 15 cc830993 \S+\nHello John!\nARCHIVED\n$/);
    expect(readdirSync(app)).toEqual(expect.arrayContaining(["greet-jdoe.txt", "greetings.zip", "greetings-prepared.zip"]));
  }, 240_000);

  it("@catkit/ids: the tutorial on its own sandbox (with the sandbox's optional peer yazl, as the README says)", async () => {
    const app = freshProject("ids-app", ["core", "ids"], ["yazl@3"]);
    const stdout = await run(app, quickStart(join(root, "packages/ids/README.md"), "Quick start"));
    expect(stdout).toContain("[ 'bef32c73', '9012de77', 'cc830993' ]");
    expect(stdout).toMatch(/12 true\nARCHIVED\nONLINE\ntrue\n$/);
  }, 240_000);
});
