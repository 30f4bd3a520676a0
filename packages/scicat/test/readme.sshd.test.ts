// The README's quick start is real code: it is extracted, pointed at the sources, and run
// against the sandbox and the throw-away OpenSSH server; the values its comments promise are
// checked.
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, inject, it, vi } from "vitest";

const root = resolve(import.meta.dirname, "..");

async function quickStart(): Promise<string> {
  const readme = await readFile(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Quick start"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("no quick start code block in README.md");
  return code
    .replace('"@catkit/scicat/testing"', JSON.stringify(pathToFileURL(join(root, "src/testing/index.ts")).href))
    .replace('"@catkit/scicat"', JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href));
}

describe("README", () => {
  const file = join(tmpdir(), `catkit-scicat-readme-${process.pid}.ts`);
  afterEach(() => rm(file, { force: true }));

  it("opens with the install command", async () => {
    const readme = await readFile(join(root, "README.md"), "utf8");
    expect(readme.split("\n").slice(0, 6).join("\n")).toContain("pnpm add @catkit/scicat");
  });

  it("runs the quick start over SFTP and prints what its comments say", async () => {
    const sshd = inject("sshd");
    vi.stubEnv("SFTP_HOST", sshd.host);
    vi.stubEnv("SFTP_PORT", String(sshd.port));
    vi.stubEnv("SFTP_USER", sshd.username);
    vi.stubEnv("SFTP_KEY", sshd.privateKeyPath);
    vi.stubEnv("SFTP_DIR", sshd.dataDir);
    await writeFile(file, await quickStart());
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => JSON.stringify(a)).join(" ")));
    try {
      await import(pathToFileURL(file).href);
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(lines).toEqual(['3 {"value":21,"unit":"degC","valueSI":294.15,"unitSI":"K"}', '"data of scan_002.nxs\\n"']);
  });
});
