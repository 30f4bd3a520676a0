// The drift check of the generated ICAT model (it runs in `npm test` with the tools tests): the
// checked-in files under packages/icat/src/{model,entities}/generated must be exactly what the
// generator makes from packages/icat/model/ now.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { icatModel, type ModelGroup } from "../../../packages/icat/model/index.ts";
import { CODEGEN_COMMAND } from "../icat-model/emit-common.ts";
import { GENERATED_DIRS, ICAT_PACKAGE, generateIcatModel } from "../icat-model/generate.ts";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ICAT_PACKAGE, join(e.parentPath, e.name)));
}

const STALE = `the generated ICAT model is stale: run \`${CODEGEN_COMMAND}\` and commit the result`;

describe("the generated ICAT entity model", () => {
  const generated = generateIcatModel();

  it("is current: every generated file is checked in as generated", () => {
    for (const [path, text] of generated) {
      const onDisk = existsSync(join(ICAT_PACKAGE, path)) ? readFileSync(join(ICAT_PACKAGE, path), "utf8") : undefined;
      expect(onDisk === text, `${path}: ${STALE}`).toBe(true);
    }
  });

  it("has no other files in the generated directories", () => {
    const present = GENERATED_DIRS.flatMap((dir) => filesUnder(join(ICAT_PACKAGE, dir))).sort();
    expect(present, STALE).toEqual([...generated.keys()].sort());
  });

  it("covers the 53 ICAT 6.2 entities and marks every file generated", () => {
    expect(generated.get("src/model/generated/entity-names.ts")?.match(/^ {2}"\w+",$/gm)).toHaveLength(53);
    for (const text of generated.values()) expect(text.startsWith("// GENERATED FILE, do not edit.")).toBe(true);
  });
});

describe("the model check", () => {
  const withDataset = (change: (ds: Record<string, unknown>) => void): Record<string, ModelGroup> => {
    const copy = structuredClone(icatModel) as unknown as Record<string, Record<string, { fields: Record<string, unknown> }>>;
    const dataset = copy.dataset?.Dataset;
    if (dataset === undefined) throw new Error("no Dataset in the model source");
    change(dataset.fields);
    return copy as unknown as Record<string, ModelGroup>;
  };

  it("rejects a relation to no entity, a wrong mappedBy and a meta field", () => {
    expect(() => generateIcatModel(withDataset((f) => (f.sampel = { one: "Sampel" })))).toThrow(/Dataset\.sampel: no \(concrete\) entity 'Sampel'/);
    expect(() => generateIcatModel(withDataset((f) => (f.datafiles = { many: "Datafile", mappedBy: "name" })))).toThrow(/mappedBy 'name'/);
    expect(() => generateIcatModel(withDataset((f) => (f.modTime = { type: "Date" })))).toThrow(/Dataset\.modTime/);
  });

  it("rejects a unique key over a field that does not exist", () => {
    const copy = structuredClone(icatModel) as unknown as Record<string, Record<string, { uniqueKey: string[] }>>;
    copy.users!.User!.uniqueKey = ["nmae"];
    expect(() => generateIcatModel(copy as unknown as Record<string, ModelGroup>)).toThrow(/User\.nmae: unique-key column/);
  });
});

describe("package sources", () => {
  it("compile no code at run time (no new Function, no eval)", () => {
    const packages = join(ICAT_PACKAGE, "..");
    const offenders: string[] = [];
    for (const pkg of readdirSync(packages)) {
      const src = join(packages, pkg, "src");
      if (!existsSync(src)) continue;
      for (const file of readdirSync(src, { recursive: true, encoding: "utf8" })) {
        if (!file.endsWith(".ts")) continue;
        const text = readFileSync(join(src, file), "utf8");
        if (/\bnew Function\s*\(|[^.\w]eval\s*\(/.test(text)) offenders.push(`packages/${pkg}/src/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
