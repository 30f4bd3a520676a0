// The sshd started by tools/sshd answers OpenSSH's own sftp client with the throw-away key.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type {} from "../vitest-global-setup.ts";

describe("sshd started by tools/sshd", () => {
  it("serves SFTP to OpenSSH's sftp -b with the throw-away client key", () => {
    const sshd = inject("sshd");
    const local = mkdtempSync(join(tmpdir(), "catkit-sshd-test-"));
    try {
      writeFileSync(join(local, "up.txt"), "hello sftp\n");
      writeFileSync(join(local, "batch"), `put ${join(local, "up.txt")} ${sshd.dataDir}/up.txt\nget ${sshd.dataDir}/up.txt ${join(local, "down.txt")}\nrm ${sshd.dataDir}/up.txt\n`);
      execFileSync("sftp", ["-q", "-b", join(local, "batch"), "-i", sshd.privateKeyPath, "-P", String(sshd.port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", `${sshd.username}@${sshd.host}`]);
      expect(readFileSync(join(local, "down.txt"), "utf8")).toBe("hello sftp\n");
      expect(sshd.hostKey).toMatch(/^ssh-ed25519 /);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });
});
