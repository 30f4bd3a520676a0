// `npm run demo` must keep working: run tools/demo/run.ts as its own Node process, on the
// current sources (tools/vitest/source-hooks.ts resolves the packages' TypeScript, so no build is needed).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");

describe("the demo", () => {
  it("walks the whole tutorial and exits 0", async () => {
    const child = spawn(
      process.execPath,
      ["--conditions=@catkit/source", "--import", join(import.meta.dirname, "../../vitest/source-hooks.ts"), join(root, "tools/demo/run.ts")],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(err.replace(/^.*ExperimentalWarning.*$|^.*--trace-warnings.*$/gm, "").trim()).toBe("");
    expect(code).toBe(0);
    for (const step of ["1. Log in", "3. Upload three files with putData", "6. Archive the dataset", "9. Verify checksums", "All steps passed."]) {
      expect(out).toContain(step);
    }
    expect(out).toContain("status: ARCHIVED");
    expect(out).toMatch(/greet-rbeck\.txt: ICAT cc830993 = zip cc830993 = local cc830993/);
  }, 60_000);
});
