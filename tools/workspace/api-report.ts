// The API report of a package (issue 8 §3): for every entry point of its `exports` map, API
// Extractor reads the built declarations (dist/**/*.d.ts) and writes etc/<name>.api.md, checked
// in, so that any change to the public surface shows up in review as a diff of that file.
//
//   node ../../tools/workspace/api-report.ts            (from a package: fail if a report is stale)
//   node ../../tools/workspace/api-report.ts --update   (rewrite the reports after a deliberate change)
//
// Runs after `build` (the packages' `test:build` target calls it, so `npm test` fails on a surface
// change whose report was not updated). A new package gets it by adding the same call to its
// `test:build` script (tools/workspace/scaffold-package.mjs checks for it).
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from "@microsoft/api-extractor";

interface EntryPoint {
  /** "." or "./internal" … */
  subpath: string;
  /** The built declaration file, package-relative. */
  types: string;
  /** The report's base name: "core", "core-internal" … */
  reportName: string;
}

/**
 * The entry points of a package.json `exports` map that have built types (not ./package.json).
 *
 * @example
 * ```ts
 * entryPoints({ name: "@catkit/core", exports: { ".": { import: { types: "./dist/index.d.ts" } } } });
 * // [{ subpath: ".", types: "./dist/index.d.ts", reportName: "core" }]
 * ```
 */
export function entryPoints(pkg: { name: string; exports?: Record<string, unknown> }): EntryPoint[] {
  const base = pkg.name.replace(/^@[^/]+\//, "");
  const found: EntryPoint[] = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const types = typeof target === "object" && target !== null ? (target as { import?: { types?: string } }).import?.types : undefined;
    if (!types) continue;
    const reportName = subpath === "." ? base : `${base}-${subpath.replace(/^\.\//, "").replaceAll("/", "-")}`;
    found.push({ subpath, types, reportName });
  }
  return found;
}

function extractorConfig(packageDir: string, entry: EntryPoint, tempDir: string): IConfigFile {
  return {
    projectFolder: packageDir,
    mainEntryPointFilePath: join(packageDir, entry.types),
    compiler: {
      // The built declarations and their dependencies' built declarations (no @catkit/source).
      overrideTsconfig: {
        // skipLibCheck: tsc has already checked these declarations when it wrote them (build); 4x faster.
        compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "ES2023", lib: ["ES2023"], types: ["node"], strict: true, skipLibCheck: true },
        include: [join(packageDir, "dist")],
      },
    },
    apiReport: { enabled: true, reportFileName: entry.reportName, reportFolder: join(packageDir, "etc"), reportTempFolder: tempDir },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      // Release tags (@public/@beta) are not used in catkit; internal plumbing lives in its own
      // subpath instead. Everything else lands in the report, where review sees it.
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
        "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        // API Extractor reads one entry point at a time: in a subpath's report, every type that
        // the main entry point exports would look "forgotten" and every link to it unresolved.
        ...(entry.subpath === "."
          ? {}
          : {
              "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
              "ae-unresolved-link": { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
            }),
        // Member-level gaps; the TSDoc test of each package already requires docs on exports.
        "ae-undocumented": { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
      },
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
    },
  };
}

/**
 * Checks (or, with `update`, rewrites) the API reports of the package in `packageDir`.
 * Answers the entry points whose report is stale (empty when all are current).
 *
 * @example
 * ```ts
 * const stale = apiReport("packages/core", { update: false });
 * ```
 */
export function apiReport(packageDir: string, options: { update: boolean }): string[] {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { name: string; exports?: Record<string, unknown> };
  const tempDir = resolve(import.meta.dirname, "../../.cache/api-report", pkg.name.replace("/", "+"));
  mkdirSync(tempDir, { recursive: true });
  if (options.update) mkdirSync(join(packageDir, "etc"), { recursive: true });
  const stale: string[] = [];
  for (const entry of entryPoints(pkg)) {
    const config = ExtractorConfig.prepare({ configObject: extractorConfig(packageDir, entry, tempDir), configObjectFullPath: undefined, packageJsonFullPath: join(packageDir, "package.json") });
    const result = Extractor.invoke(config, { localBuild: options.update, showVerboseMessages: false, messageCallback: (m) => {
      // Progress notes ("Analysis will use…", "You have changed the API signature…"): the verdict
      // below says what matters; warnings and errors still print.
      if (m.logLevel === ExtractorLogLevel.Info || m.logLevel === ExtractorLogLevel.Verbose || m.messageId.startsWith("console-api-report-")) m.handled = true;
    } });
    if (result.apiReportChanged) stale.push(`${entry.subpath} → etc/${entry.reportName}.api.md`);
    if (result.errorCount > 0 && !result.apiReportChanged) throw new Error(`API Extractor failed on ${pkg.name} ${entry.subpath} (${result.errorCount} errors)`);
  }
  return stale;
}

if (import.meta.main) {
  const update = process.argv.includes("--update");
  const packageDir = process.cwd();
  const { name } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { name: string };
  const stale = apiReport(packageDir, { update });
  if (stale.length > 0 && !update) {
    process.stderr.write(
      `\nThe public API changed and its report was not updated:\n  ${stale.join("\n  ")}\n` +
        `If the change is meant, run \`pnpm nx run ${name}:api-report\` and commit etc/.\n`,
    );
    process.exit(1);
  }
  if (update) process.stdout.write(stale.length > 0 ? `updated: ${stale.join(", ")}\n` : "API reports are current\n");
}
