// `catkit sandbox --broker` run from the checkout, as a user tries the whole chain: it starts a
// real ActiveMQ (tools/activemq) and the sandbox ingester, prints the broker in its exports, and
// icat-store-raw pointed at those exports gets its dataset registered in the sandbox's ICAT,
// which ICAT+ then lists.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN_DIR, jsonLines, runCli, tempDir } from "./helpers.js";

const checkout = resolve(import.meta.dirname, "../../..");

describe("catkit sandbox --broker", () => {
  it("registers a dataset sent by icat-store-raw through the broker and the ingester", async () => {
    const tmp = tempDir();
    const cfg = join(tmp.dir, "icat.cfg");
    const child = spawn(process.execPath, [join(BIN_DIR, "catkit.js"), "sandbox", "--broker", "--no-scicat", "--cfg", cfg], {
      cwd: checkout,
      env: { PATH: process.env.PATH ?? "", HOME: tmp.dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const exited = new Promise<number | null>((done) => child.on("close", done));
    try {
      await expect.poll(() => stdout + stderr, { timeout: 120_000, interval: 250 }).toContain("Ctrl-C stops the sandbox.");
      const exported = Object.fromEntries([...stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]));
      expect(exported.CATKIT_ICATPLUS_METADATA_URLS).toMatch(/^127\.0\.0\.1:\d+$/);
      const env = { HOME: tmp.dir, CATKIT_SESSION_CACHE: join(tmp.dir, "s.json"), CATKIT_ICATPLUS_OUTBOX_DIR: join(tmp.dir, "outbox"), ...exported };
      const path = join(tmp.dir, "RAW_DATA", "collection_brokered");
      mkdirSync(path, { recursive: true });
      writeFileSync(join(path, "scan.h5"), "h5");
      const sent = await runCli(["--beamline", "id00", "--proposal", "id002207", "--dataset", "brokered", "--sample", "s1", "--path", path, "--queue", exported.CATKIT_ICATPLUS_METADATA_URLS ?? ""], { bin: "icat-store-raw", env });
      expect(sent.code, sent.stderr).toBe(0);
      expect(sent.stderr).not.toContain("outboxed");
      // Read back through ICAT+ (the sandbox user of icat.cfg has no ICAT rule on a new proposal).
      const listed = async () => jsonLines((await runCli(["--json", "icat-plus", "datasets", "--beamline", "id00", "--proposal", "id002207", "--date", "2024-03-01"], { env })).stdout);
      await expect.poll(listed, { timeout: 30_000, interval: 500 }).toEqual([expect.objectContaining({ path })]);
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      tmp.cleanup();
    }
  }, 180_000);
});
