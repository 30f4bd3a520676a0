// pyicat-plus's icat-sync-raw, option for option (reference §4.3), plus --root (catkit: where the
// proposal tree is; pyicat-plus fixes it to /data/visitor) and python-icat's connection flags
// for the ICAT look-ups.
import { Command, Option } from "commander";
import { collect } from "../../runtime/collect.js";
import { examples, lazy } from "../../runtime/lazy.js";
import { FORMATS } from "./layout.js";

/** `icat-sync-raw`. @example `program.addCommand(defineSyncRaw())` */
export function defineSyncRaw(): Command {
  const cmd = new Command("icat-sync-raw")
    .description("compare raw data on disk with ICAT; summarise, cache, and (with --register) register what is missing. Dry run by default")
    .option("--beamline <name>", "beamline (lower-cased; glob allowed)", "*")
    .option("--proposal <name>", "proposal (lower-cased; glob allowed)", "*")
    .option("--session <YYYYMMDD>", "session date (glob allowed)", "*")
    .addOption(new Option("--format <format>", "raw data layout").choices(FORMATS).default("esrfv3"))
    .option("--root <dir>", "root of the proposal tree", "/data/visitor")
    .option("--save-dir <dir>", "write <dir>/<format>/{todo,ok,empty,has_invalid,todo_ongoing,not_in_icat}.csv and .sh")
    .option("--cache-dir <dir>", "keep session summaries in <dir>/<format>/*.json")
    .option("--register", "ask, per status, whether to register what is missing")
    .option("--auto-register", "register without asking, only what is safe unsupervised (registered datasets without files)")
    .option("--invalidate-cache", "drop cached sessions that disappeared or whose datasets changed")
    .option("--no-print", "do not print the summary of each session")
    .option("--queue <url>", "message broker host:port (repeatable; default: pyicat-plus's brokers)", collect)
    .option("-c, --config <file>", "ICAT configuration file (icat.cfg)")
    .option("-s, --section <name>", "ICAT configuration section")
    .option("-w, --url <url>", "ICAT URL")
    .option("--session-cache <file>", "catkit session cache (log in first with catkit icat login)")
    .action(lazy(() => import("./run.js")));
  return examples(cmd, [
    "icat-sync-raw --beamline id27 --proposal blc14904 --session 20230829 --save-dir /tmp/icat/summary --cache-dir /tmp/icat/cache --format esrfv3 --register --invalidate-cache",
    "icat-sync-raw --save-dir /tmp/icat/summary --cache-dir /tmp/icat/cache --invalidate-cache --no-print",
  ]);
}
