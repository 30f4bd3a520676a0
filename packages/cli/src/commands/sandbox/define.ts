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
    .description("start local ICAT, IDS, ICAT+ and SciCat sandboxes with demo data on loopback (and ActiveMQ with --broker); prints URLs, users, an icat.cfg and env exports; Ctrl-C stops")
    .option("--host <address>", "loopback address to listen on", "127.0.0.1")
    .option("--no-demo", "do not seed the demo dataset")
    .option("--cfg <file>", "also write the icat.cfg to this file")
    .option("--broker", "also start ActiveMQ (tools/activemq of a catkit checkout; needs Java) and the sandbox ingester behind ICAT+")
    .option("--no-icat-plus", "do not start the ICAT+ sandbox")
    .option("--no-scicat", "do not start the SciCat sandbox")
    .action(lazy(() => import("./run.js")));
  return examples(cmd, [
    "catkit sandbox --cfg ./icat.cfg",
    "catkit -c ./icat.cfg -s sandbox icat login   # in another shell",
    "catkit sandbox --broker                       # from a catkit checkout: + ActiveMQ and the ingester",
  ]);
}
