// The `catkit` program and the standalone pyicat-plus bins. Only names, flags and help are built
// here; every command's code is imported when it runs (runtime/lazy.ts).
import { Command, Option } from "commander";
import { defineIcat } from "./commands/icat/define.js";
import { defineIcatPlus } from "./commands/icat-plus/define.js";
import { defineIds } from "./commands/ids/define.js";
import { defineSandbox } from "./commands/sandbox/define.js";
import { defineScicat } from "./commands/scicat/define.js";
import { STANDALONE } from "./commands/standalone.js";
import { exitCodeHelp } from "./runtime/exit-codes.js";
import { examples } from "./runtime/lazy.js";
import { cliVersion } from "./runtime/version.js";

/**
 * Adds the output flags every command has.
 *
 * @example
 * ```ts
 * outputFlags(new Command("icat-store-raw"));
 * ```
 */
export function outputFlags(cmd: Command): Command {
  return cmd
    .option("--json", "data as JSON lines on stdout")
    .option("-q, --quiet", "no progress or log lines on stderr")
    .addOption(new Option("--debug", "print stack traces of errors").hideHelp());
}

/**
 * Adds python-icat's connection flags (-c, -s, -w, --ids-url, -a, -u) and catkit's.
 *
 * @example
 * ```ts
 * connectionFlags(new Command("catkit"));
 * ```
 */
export function connectionFlags(cmd: Command): Command {
  return cmd
    .option("-c, --config <file>", "configuration file (default: icat.cfg and catkit.cfg in the usual places; $ICAT_CFG)")
    .option("-s, --section <name>", "configuration file section (python-icat -s; $ICAT_CFG_SECTION)")
    .option("-w, --url <url>", "ICAT URL ($ICAT_SERVICE)")
    .option("--ids-url <url>", "IDS URL ($ICAT_DATA_SERVICE)")
    .option("-a, --auth <plugin>", "ICAT authenticator ($ICAT_AUTH)")
    .option("-u, --user <name>", "ICAT user name ($ICAT_USER)")
    .option("--password-file <file>", "read the password from this file (or $CATKIT_PASSWORD, icat.cfg, or a prompt)")
    .option("--session-cache <file>", "session cache file ($CATKIT_SESSION_CACHE; default ~/.cache/catkit/sessions.json)");
}

/**
 * Builds the `catkit` program.
 *
 * @example
 * ```ts
 * await runProgram(buildCatkit(), process.argv);
 * ```
 */
export function buildCatkit(): Command {
  const program = connectionFlags(outputFlags(new Command("catkit")))
    .description("catkit: ICAT, IDS, ICAT+ and SciCat from the command line (and pyicat-plus's icat-store-*/icat-sync-raw tools)")
    .version(cliVersion(), "-V, --version")
    .addHelpText("after", `\n${exitCodeHelp()}`);
  examples(program, [
    "catkit sandbox                       # local ICAT + IDS with demo data; prints an icat.cfg",
    "catkit -s sandbox icat login",
    'catkit -s sandbox icat search "Dataset [name LIKE \'e2%\']"',
    "catkit -s sandbox ids get --dataset 1 -o ./data",
    "catkit icat-store-raw --help",
  ]);
  program.addCommand(defineIds());
  program.addCommand(defineIcat());
  program.addCommand(defineIcatPlus());
  program.addCommand(defineScicat());
  program.addCommand(defineSandbox());
  for (const define of Object.values(STANDALONE)) program.addCommand(define());
  return program;
}

/**
 * Builds a standalone pyicat-plus tool (`icat-store-raw`, …): the same command as its
 * `catkit` subcommand, as a program of its own.
 *
 * @example
 * ```ts
 * await runProgram(buildStandalone(defineStoreRaw), process.argv);
 * ```
 */
export function buildStandalone(define: () => Command): Command {
  return outputFlags(define()).version(cliVersion(), "-V, --version").addHelpText("after", `\n${exitCodeHelp()}`);
}
