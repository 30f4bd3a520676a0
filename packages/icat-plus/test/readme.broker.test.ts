// The README's quick start runs as written (issue 7 item 15), with the facility's broker and ICAT+
// URLs pointing at the real test broker and the ICAT+ sandbox: a child Node process runs the block
// copied out of the README, importing "@catkit/icat-plus" by its own name (package self-reference).
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

const root = resolve(import.meta.dirname, "..");
const hooks = join(root, "../../tools/vitest/source-hooks.ts");
const { host, stompPort } = inject("activemq");
let s: Stack;
beforeAll(async () => {
  s = await startStack([`${host}:${stompPort}`]);
});
afterAll(() => s.close());

describe("README quick start", () => {
  it("runs against the broker and the ICAT+ sandbox, the dataset confirmed by a receipt", async () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const block = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const code = (block ?? "")
      .replace('"bcu-mq-01.esrf.fr:61613", "bcu-mq-02.esrf.fr:61613"', JSON.stringify(`${host}:${stompPort}`))
      .replace("https://icatplus.esrf.fr", s.icatPlus.url);
    const file = join(root, `test/.quickstart-${process.pid}.ts`);
    writeFileSync(file, code);
    try {
      const { FORCE_COLOR: _colour, ...env } = process.env;
      const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=@catkit/source", "--import", hooks, file], {
        cwd: s.dir,
        timeout: 60_000,
        env: { ...env, HOME: s.dir, NO_COLOR: "1" },
      });
      expect(stdout.split("\n")[0]).toBe("sent");
      expect(s.icatPlus.events.length).toBeGreaterThan(0);
    } finally {
      rmSync(file, { force: true });
    }
  }, 90_000);
});
