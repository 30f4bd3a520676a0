// Runs a commander program as a process: parses argv, maps every failure to one line on stderr
// and an exit code (exit-codes.ts), and turns Ctrl-C into an abort of the running command.
import { CommanderError, type Command } from "commander";
import { exitCodeFor, ExitCode, UsageError } from "./exit-codes.js";
import { interruptController } from "./context.js";

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0] ?? message;
}

/**
 * Parses `argv` and runs the chosen command; sets process.exitCode.
 *
 * @example
 * ```ts
 * await runProgram(buildCatkit(), process.argv);
 * ```
 */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  // every command, not just the program: commander exits on its own (code 1) for a subcommand's
  // bad option value or missing required option unless that subcommand overrides it too
  const overrideAll = (cmd: Command): void => {
    cmd.exitOverride();
    for (const sub of cmd.commands) overrideAll(sub);
  };
  overrideAll(program);
  const controller = interruptController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(ExitCode.Interrupted);
    process.stderr.write("\ninterrupted: stopping (Ctrl-C again to force)\n");
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (or the help / version).
      process.exitCode = err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
      return;
    }
    const debug = argv.includes("--debug") || process.env.CATKIT_DEBUG === "1";
    const code = controller.signal.aborted ? ExitCode.Interrupted : exitCodeFor(err);
    const tag = (err as { code?: unknown }).code;
    const prefix = err instanceof UsageError || typeof tag !== "string" ? "" : `[${tag}] `;
    process.stderr.write(`error: ${prefix}${oneLine(err)}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = code;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
