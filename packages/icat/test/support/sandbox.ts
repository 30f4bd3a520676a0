// Shared fixtures: the sandboxes seeded with python-icat's tutorial content, and clients on them.
import type { Logger } from "@catkit/core";
import { IcatClient, type IcatClientOptions } from "../../src/index.ts";
import {
  startIcatAndIdsSandbox,
  startIcatSandbox,
  tutorialFixture,
  type IcatAndIdsSandbox,
  type IcatAndIdsSandboxOptions,
  type IcatSandbox,
  type IcatSandboxOptions,
} from "../../src/testing/index.ts";

/** Quick retries, so fault tests stay fast. */
export const FAST_RETRY = { initialDelayMs: 5, maxDelayMs: 20 } as const;

/** An ICAT sandbox with the tutorial data and a client logged in as `user` (default nbour). */
export async function icatFixture(
  options: IcatSandboxOptions = {},
  client: Partial<IcatClientOptions> = {},
  user = "nbour",
): Promise<{ sandbox: IcatSandbox; icat: IcatClient; close(): Promise<void> }> {
  const sandbox = await startIcatSandbox({ fixture: tutorialFixture, ...options });
  const icat = new IcatClient({ url: sandbox.url, retry: FAST_RETRY, ...client });
  await icat.login("db", { username: user, password: "secret" });
  return {
    sandbox,
    icat,
    close: async () => {
      await icat.close();
      await sandbox.close();
    },
  };
}

/** Both sandboxes wired together, and a client with an IDS, logged in as nbour. */
export async function icatIdsFixture(
  options: IcatAndIdsSandboxOptions = {},
): Promise<{ sandbox: IcatAndIdsSandbox; icat: IcatClient; close(): Promise<void> }> {
  const sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture, ...options });
  const icat = new IcatClient({ url: sandbox.icatUrl, idsUrl: sandbox.idsUrl, retry: FAST_RETRY });
  await icat.login("db", { username: "nbour", password: "secret" });
  return {
    sandbox,
    icat,
    close: async () => {
      await icat.close();
      await sandbox.close();
    },
  };
}

/** A logger that records every line, by level. */
export function recordingLogger(): Logger & { lines: { level: string; message: string; fields: object }[] } {
  const lines: { level: string; message: string; fields: object }[] = [];
  const at =
    (level: string) =>
    (first: object | string, message?: string): void => {
      lines.push(typeof first === "string" ? { level, message: first, fields: {} } : { level, message: message ?? "", fields: first });
    };
  return { lines, trace: at("trace"), debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** The decoded `query` parameters of the searches a sandbox received. */
export function searchesSeen(sandbox: { requests: readonly { method: string; url: string }[] }): string[] {
  return sandbox.requests
    .filter((r) => r.method === "GET" && r.url.includes("/entityManager?"))
    .map((r) => new URL(r.url, "http://x").searchParams.get("query") ?? "");
}
