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

describe("README quick starts, run in a fresh project", () => {
  it("@catkit/icat: python-icat's IDS tutorial", async () => {
    const tgz = join(tmp, "tgz");
    const app = join(tmp, "app");
    mkdirSync(app);
    for (const pkg of ["core", "ids", "icat"]) execFileSync("pnpm", ["pack", "--pack-destination", tgz], { cwd: join(root, "packages", pkg), stdio: "ignore" });
    writeFileSync(join(app, "package.json"), '{ "name": "quickstart", "private": true, "type": "module" }\n');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...readdirSync(tgz).map((f) => join(tgz, f))], { cwd: app, stdio: "ignore" });
    const code = quickStart(join(root, "packages/icat/README.md"), "Quick start")
      .replaceAll("https://icat.example.org/icat", sandbox.icatUrl)
      .replaceAll("https://icat.example.org/ids", sandbox.idsUrl);
    writeFileSync(join(app, "quickstart.ts"), code);
    // Plain output whatever the runner's colour settings (console.log colours numbers under FORCE_COLOR).
    const { FORCE_COLOR: _colour, ...env } = process.env;
    const { stdout } = await promisify(execFile)(process.execPath, ["quickstart.ts"], { cwd: app, timeout: 120_000, env: { ...env, NO_COLOR: "1" } });
    // Every line the tutorial prints, in order (a quick start that closed stdout early lost the last).
    expect(stdout).toMatch(/^greet-jdoe\.txt 12 bef32c73 \S+\ngreet-nbour\.txt 15 9012de77 \S+\ngreet-rbeck\.txt 15 cc830993 \S+\nHello John!\nARCHIVED\n$/);
    expect(readdirSync(app)).toEqual(expect.arrayContaining(["greet-jdoe.txt", "greetings.zip", "greetings-prepared.zip"]));
  }, 240_000);
});
