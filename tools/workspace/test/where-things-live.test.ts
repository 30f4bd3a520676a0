// Every protocol package's README (and core's) maps each wire call or concept to its file in a
// "Where things live" table, so a newcomer finds any wire behaviour in one hop (issue 8 §3). The
// tables are written by hand, so this keeps them current: every path they name exists, and every
// file of the directories that hold the wire calls is named (a new call's file must be added).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "../../..");

/** Per package: the directories whose every file is a wire call (or its plumbing) the table must name. */
const WIRE_DIRS: Readonly<Record<string, readonly string[]>> = {
  core: ["src/transport", "src/policies", "src/auth", "src/config", "src/client"],
  ids: ["src/operations", "src/transfer"],
  icat: ["src/operations", "src/session"],
  "icat-plus": ["src/messaging", "src/elogbook", "src/investigation", "src/restricted", "src/config"],
  scicat: ["src/api"],
};

/** The paths a table names, package-relative: a bare file name belongs to the directory of the path before it in its cell. */
export function tablePaths(readme: string): string[] {
  const section = /^## Where things live\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];
  if (section === undefined) return [];
  const paths: string[] = [];
  for (const row of section.split("\n").filter((l) => l.startsWith("|") && !/^\|[-| ]+\|$/.test(l))) {
    const cell = row.split("|").at(-2) ?? "";
    let dir = "";
    for (const [, token] of cell.matchAll(/`([^`]+)`/g)) {
      if (!/^[\w.*/-]+$/.test(token ?? "") || !/(\.ts|\/)$/.test(token ?? "")) continue;
      const path = token!.includes("/") ? token! : posix.join(dir, token!);
      if (token!.includes("/")) dir = token!.endsWith("/") ? token! : posix.dirname(token!);
      paths.push(path);
    }
  }
  return paths;
}

const exists = (root: string, path: string): boolean => {
  if (!path.includes("*")) return existsSync(join(path.startsWith("tools/") ? repo : root, path));
  const dir = join(root, dirname(path));
  const pattern = new RegExp(`^${posix.basename(path).replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}$`);
  return existsSync(dir) && readdirSync(dir).some((f) => pattern.test(f));
};

describe("tablePaths", () => {
  it("reads full paths, bare names after them, directories and globs, from the file column only", () => {
    const readme = "## Where things live\n\n| call | file |\n|---|---|\n| `GET x.ts` | `src/a/b.ts`, `c.ts` (+ `src/d/`), `src/e/*.ts` |\n\n## Next\n| `src/no.ts` | `src/no.ts` |\n";
    expect(tablePaths(readme)).toEqual(["src/a/b.ts", "src/a/c.ts", "src/d/", "src/e/*.ts"]);
  });
});

describe.each(Object.entries(WIRE_DIRS))("the Where things live table of %s", (pkg, wireDirs) => {
  const root = join(repo, "packages", pkg);
  const paths = tablePaths(readFileSync(join(root, "README.md"), "utf8"));

  it("exists and names only files that exist", () => {
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !exists(root, p))).toEqual([]);
  });

  it("names every file of the directories that hold the wire calls", () => {
    const named = (file: string) => paths.some((p) => p === file || (p.endsWith("/") && file.startsWith(p)));
    const files = wireDirs.flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`).filter((f) => f.endsWith(".ts") && statSync(join(root, f)).isFile()));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !f.endsWith("/index.ts") && !named(f))).toEqual([]);
  });
});
