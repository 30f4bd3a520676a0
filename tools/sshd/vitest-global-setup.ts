// Vitest global setup for `*.sshd.test.ts`: one real OpenSSH server for the run. Tests read
// its address and throw-away client key with `inject("sshd")`.
import type { TestProject } from "vitest/node";
import { startSshd } from "./start.ts";

declare module "vitest" {
  export interface ProvidedContext {
    sshd: { host: string; port: number; username: string; privateKey: string; privateKeyPath: string; hostKey: string; dataDir: string; passwordUser: { username: string; password: string; home: string } };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sshd = await startSshd({ log: (line) => process.stderr.write(`${line}\n`), passwordUser: true });
  if (!sshd.passwordUser) throw new Error("the test sshd started without its password user");
  project.provide("sshd", { host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey, privateKeyPath: sshd.privateKeyPath, hostKey: sshd.hostKey, dataDir: `${sshd.dir}/data`, passwordUser: sshd.passwordUser });
  return () => sshd.stop();
}
