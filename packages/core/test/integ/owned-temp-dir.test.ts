// issue 7 item 16: a sandbox's temp directory is removed even when the script that started it
// never closes it (process.exit, an uncaught exception, SIGTERM), and is left alone while a
// program that handles the signal itself is still running.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ownedTempDir } from "../../src/testing/index.ts";

const hooks = join(import.meta.dirname, "../../../../tools/vitest/source-hooks.ts");
const module = join(import.meta.dirname, "../../src/testing/owned-temp-dir.ts");

// Runs a child that creates an owned dir, prints its path, then does `then`.
function child(then: string, signal?: NodeJS.Signals): Promise<{ dir: string; code: number | null; signal: NodeJS.Signals | null }> {
  const script = `const { ownedTempDir } = await import(${JSON.stringify(module)});
const dir = await ownedTempDir("catkit-owned-test-");
process.stdout.write(dir.path + "\\n");
${then}`;
  const proc = spawn(process.execPath, ["--conditions=@catkit/source", "--import", hooks, "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve, reject) => {
    proc.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (signal && out.includes("\n")) proc.kill(signal);
    });
    proc.on("error", reject);
    proc.on("close", (code, sig) => resolve({ dir: out.trim(), code, signal: sig }));
  });
}

describe("ownedTempDir", () => {
  it("is removed by remove()", async () => {
    const dir = await ownedTempDir("catkit-owned-test-");
    expect(existsSync(dir.path)).toBe(true);
    await dir.remove();
    expect(existsSync(dir.path)).toBe(false);
  });

  it("is removed when the process exits without closing", async () => {
    const r = await child("process.exit(3);");
    expect(r.code).toBe(3);
    expect(r.dir).toContain("catkit-owned-test-");
    expect(existsSync(r.dir)).toBe(false);
  });

  it("is removed after an uncaught exception", async () => {
    const r = await child("setTimeout(() => { throw new Error('boom'); }, 0);");
    expect(r.code).toBe(1);
    expect(existsSync(r.dir)).toBe(false);
  });

  it("is removed on SIGTERM, and the process still ends by that signal", async () => {
    const r = await child("setInterval(() => {}, 1000);", "SIGTERM");
    expect(r.signal).toBe("SIGTERM");
    expect(existsSync(r.dir)).toBe(false);
  });
});
