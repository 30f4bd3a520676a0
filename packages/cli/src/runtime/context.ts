// What every command action receives: the parsed global flags, the output writer and an abort
// signal that Ctrl-C trips.
import type { Command } from "commander";
import { Output } from "./output.js";

/** Flags every command accepts (python-icat's -c/-s/-w/--idsurl/-a/-u, plus catkit's). */
export interface GlobalOptions {
  json?: boolean;
  quiet?: boolean;
  debug?: boolean;
  config?: string;
  section?: string;
  url?: string;
  idsUrl?: string;
  auth?: string;
  user?: string;
  passwordFile?: string;
  sessionCache?: string;
}

/** The context a command action runs in. */
export interface CommandContext {
  readonly globals: GlobalOptions;
  readonly out: Output;
  readonly signal: AbortSignal;
}

let controller = new AbortController();

/**
 * The abort controller Ctrl-C trips (one per process run).
 *
 * @example
 * ```ts
 * process.once("SIGINT", () => interruptController().abort());
 * ```
 */
export function interruptController(): AbortController {
  if (controller.signal.aborted) controller = new AbortController();
  return controller;
}

/**
 * Builds the context of the command being run.
 *
 * @example
 * ```ts
 * .action((opts, cmd: Command) => run(contextOf(cmd), opts))
 * ```
 */
export function contextOf(command: Command): CommandContext {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return { globals, out: new Output({ json: globals.json ?? false, quiet: globals.quiet ?? false }), signal: controller.signal };
}
