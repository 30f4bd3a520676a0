// Commands are declared up front (names, flags, help) but their code is imported only when they
// run: `catkit --version` and `catkit --help` never load undici, the clients, h5wasm or the
// sandboxes (the start-up benchmark in tools/bench/cli holds this to 2× `node -e 0`).
import type { Command } from "commander";
import { contextOf, type CommandContext } from "./context.js";

/** A command implementation module: its default export runs the command. */
export interface CommandModule<O, A extends unknown[]> {
  default: (ctx: CommandContext, options: O, ...args: A) => Promise<void>;
}

/**
 * Makes a commander action that imports the implementation on first use.
 *
 * @example
 * ```ts
 * cmd.action(lazy(() => import("./ping.js")));
 * ```
 */
export function lazy<O, A extends unknown[]>(load: () => Promise<CommandModule<O, A>>): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    // commander passes (...positionals, options, command).
    const command = args.at(-1) as Command;
    const options = args.at(-2) as O;
    const positionals = args.slice(0, -2) as A;
    const module = await load();
    await module.default(contextOf(command), options, ...positionals);
  };
}

/**
 * Appends an "Examples:" block to a command's help.
 *
 * @example
 * ```ts
 * examples(cmd, ["catkit ids ping"]);
 * ```
 */
export function examples(command: Command, lines: readonly string[]): Command {
  const prefix = "\nExamples:\n";
  return command.addHelpText("after", `${prefix}${lines.map((l) => `  $ ${l}`).join("\n")}\n`);
}
