// `catkit sandbox`: names, flags and help. The sandboxes are imported only when it runs.
import { Command } from "commander";
import { examples, lazy } from "../../runtime/lazy.js";

/**
 * The `sandbox` command.
 *
 * @example
 * ```ts
 * program.addCommand(defineSandbox());
 * ```
 */
export function defineSandbox(): Command {
  const cmd = new Command("sandbox")
    .description("start local ICAT and IDS sandboxes with demo data on loopback; prints URLs, users and an icat.cfg; Ctrl-C stops")
    .option("--host <address>", "loopback address to listen on", "127.0.0.1")
    .option("--no-demo", "do not seed the demo dataset")
    .option("--cfg <file>", "also write the icat.cfg to this file")
    .action(lazy(() => import("./run.js")));
  return examples(cmd, ["catkit sandbox --cfg ./icat.cfg", "catkit -c ./icat.cfg -s sandbox icat login   # in another shell"]);
}
