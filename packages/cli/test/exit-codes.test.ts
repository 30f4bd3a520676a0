import { AuthError, CatkitError, ConfigError, InvalidArgumentError, type CatkitErrorCode } from "@catkit/core";
import { describe, expect, it } from "vitest";
import { ExitCode, exitCodeFor, UsageError } from "../src/runtime/exit-codes.js";

const withCode = (code: string) => new CatkitError(code as CatkitErrorCode, "x");

describe("exit codes from catkit error codes", () => {
  it("maps usage, not-found, not-online, auth, unreachable and other failures", () => {
    expect(exitCodeFor(new UsageError("bad"))).toBe(ExitCode.Usage);
    expect(exitCodeFor(new InvalidArgumentError("bad"))).toBe(ExitCode.Usage);
    expect(exitCodeFor(new ConfigError("bad", { file: "x" }))).toBe(ExitCode.Usage);
    expect(exitCodeFor(new AuthError("no"))).toBe(ExitCode.Auth);
    const table: [string, number][] = [
      ["IDS_NOT_FOUND", 3],
      ["ICAT_NO_SUCH_OBJECT_FOUND", 3],
      ["IDS_DATA_NOT_ONLINE", 4],
      ["IDS_RESTORE_TIMEOUT", 4],
      ["ICAT_SESSION", 5],
      ["IDS_INSUFFICIENT_PRIVILEGES", 5],
      ["CATKIT_NETWORK", 6],
      ["CATKIT_TIMEOUT", 6],
      ["IDS_CHECKSUM_MISMATCH", 1],
      ["CATKIT_HTTP", 1],
    ];
    for (const [code, exit] of table) expect([code, exitCodeFor(withCode(code))]).toEqual([code, exit]);
    expect(exitCodeFor(new Error("plain"))).toBe(ExitCode.Failure);
  });

  it("recognises codes of packages registered later by suffix, and only branded (catkit) errors", () => {
    expect(exitCodeFor(withCode("SCICAT_DATASET_NOT_FOUND"))).toBe(ExitCode.NotFound);
    expect(exitCodeFor(withCode("SCICAT_UNAUTHORIZED"))).toBe(ExitCode.Auth);
    expect(exitCodeFor(Object.assign(new Error("x"), { code: "IDS_NOT_FOUND" }))).toBe(ExitCode.Failure);
  });
});

describe("usage errors of subcommands", () => {
  it("a bad choice or a missing required option of a nested command exits 2, not commander's 1", async () => {
    const { runCli } = await import("./helpers.js");
    expect((await runCli(["icat-plus", "elog", "send", "--proposal", "p", "--category", "shout", "x"])).code).toBe(2);
    expect((await runCli(["scicat", "download", "PID"])).code).toBe(2);
    expect((await runCli(["ids", "get"])).code).toBe(2);
  });
});
