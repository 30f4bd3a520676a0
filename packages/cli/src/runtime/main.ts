// The entry of every bin. `--version` alone is answered before commander and the command
// definitions load (they cost about as much as Node's own start); everything else builds the
// program. Node's compile cache (module.enableCompileCache, Node ≥ 22.1) makes later starts cheaper.
import * as nodeModule from "node:module";
import { cliVersion } from "./version.js";

/** The programs the bins run. */
export type ProgramName = "catkit" | "icat-store-raw" | "icat-store-processed" | "icat-store-from-file" | "icat-sync-raw";

/**
 * Runs a bin.
 *
 * @example
 * ```ts
 * await main("catkit", process.argv);
 * ```
 */
export async function main(name: ProgramName, argv: readonly string[]): Promise<void> {
  nodeModule.enableCompileCache?.();
  // `catkit … | head`: a closed pipe ends the output, not the process with a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
    process.stdout.write(`${cliVersion()}\n`);
    return;
  }
  const [{ buildCatkit, buildStandalone }, { runProgram }] = await Promise.all([import("../program.js"), import("./run.js")]);
  if (name === "catkit") return runProgram(buildCatkit(), argv);
  const defines = await import("../commands/standalone.js");
  return runProgram(buildStandalone(defines.STANDALONE[name]), argv);
}
