// issue 7 item 7: a destination that cannot be written gives IdsDestinationError naming the
// directory and the real reason (never the internal .part file), and download and downloadMany
// follow one rule: a missing parent directory is created.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdsDestinationError } from "../src/index.ts";
import { startFixture, tempDir, type Fixture } from "./helpers.ts";

let f: Fixture;
let fileId: number;
beforeAll(async () => {
  f = await startFixture();
  fileId = f.files[0]?.id ?? 0;
});
afterAll(() => f.close());

async function refusal(destination: string): Promise<IdsDestinationError> {
  const err = await f.ids.download({ datafileIds: [fileId] }, destination).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(IdsDestinationError);
  expect((err as Error).message).not.toContain(".part");
  return err as IdsDestinationError;
}

describe("download destinations", () => {
  it("creates missing parent directories, as downloadMany does", async () => {
    const dir = await tempDir();
    const target = join(dir.path, "a", "b", "greet.txt");
    const result = await f.ids.download({ datafileIds: [fileId] }, target);
    expect(await readFile(result.path, "utf8")).toBe("Hello John!\n");
    await dir.remove();
  });

  it("under a regular file: says which part of the path is a file", async () => {
    const dir = await tempDir();
    await writeFile(join(dir.path, "plain"), "x");
    const err = await refusal(join(dir.path, "plain", "sub", "out.txt"));
    expect(err.errno).toBe("ENOTDIR");
    expect(err.message).toContain(`${join(dir.path, "plain")} is a file, not a directory`);
    await dir.remove();
  });

  it("in /proc: says the file system refuses new files, not that the directory is missing", async () => {
    const err = await refusal("/proc/catkit-out.txt");
    expect(err.errno).toBe("ENOENT");
    expect(err.message).toMatch(/Cannot write into \/proc: the file system refuses new files there/);
  });

  it("where writing is denied (sysfs refuses even root): permission denied, naming the directory", async () => {
    const err = await refusal("/sys/catkit-out.txt");
    expect(err.errno).toBe("EACCES");
    expect(err.message).toMatch(/Cannot write into \/sys: permission denied/);
    expect(err.toJSON()).toMatchObject({ code: "IDS_DESTINATION", directory: "/sys", errno: "EACCES" });
  });

  it("downloadMany gives the same typed error", async () => {
    const dir = await tempDir();
    await mkdir(join(dir.path, "d"));
    await writeFile(join(dir.path, "d", "file"), "x");
    const results = await f.ids.downloadMany([{ id: fileId, name: "file/inner.txt" }], join(dir.path, "d")).catch((e: unknown) => e);
    const err = Array.isArray(results) ? (results[0] as { error?: unknown }).error : results;
    expect(err).toBeInstanceOf(IdsDestinationError);
    await dir.remove();
  });
});
