// Shared set-up for client tests: a sandbox, a temp "file server" directory and a local work
// directory, and a raw dataset with three local files.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dataset, localFile } from "../src/index.ts";

export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `catkit-scicat-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function threeFiles(dir: string): Promise<string[]> {
  const names = ["scan_001.nxs", "scan_002.nxs", "notes/log.txt"];
  const paths: string[] = [];
  for (const [i, name] of names.entries()) {
    const path = join(dir, name.replace("/", "-"));
    await writeFile(path, `content of ${name} `.repeat(100 * (i + 1)));
    paths.push(path);
  }
  return paths;
}

export async function newDataset(dir: string, fields: Partial<ConstructorParameters<typeof Dataset>[0]> = {}): Promise<Dataset> {
  const [a, b, c] = await threeFiles(dir);
  const files = [await localFile(a as string, { remotePath: "raw/scan_001.nxs" }), await localFile(b as string, { remotePath: "raw/scan_002.nxs" }), await localFile(c as string, { remotePath: "notes/log.txt" })];
  return new Dataset({
    type: "raw",
    name: "Scan 1",
    owner: "Ada Lovelace",
    ownerGroup: "ingestor",
    contactEmail: "ada@example.org",
    creationTime: "2026-03-01T10:00:00Z",
    sourceFolder: "/placeholder",
    meta: { temperature: { value: 300, unit: "K" } },
    ...fields,
  }).withFiles(files);
}
