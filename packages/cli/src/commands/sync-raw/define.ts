// pyicat-plus's icat-sync-raw, option for option (reference §4.3), plus --root (catkit: where the
// proposal tree is; pyicat-plus fixes it to /data/visitor) and the ICAT+ flags of the look-ups
// (pyicat-plus reads them from Beacon's icat_servers).
import { Command, Option } from "commander";
import { collect } from "../../runtime/collect.js";
import { examples, lazy } from "../../runtime/lazy.js";
import { FORMATS } from "./layout.js";

/** `icat-sync-raw`. @example `program.addCommand(defineSyncRaw())` */
export function defineSyncRaw(): Command {
  const cmd = new Command("icat-sync-raw")
    .description("compare raw data on disk with ICAT (through ICAT+); summarise, cache, and (with --register) register what is missing. Dry run by default")
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
    .option("--icat-plus-url <url>", "ICAT+ URL of the look-ups ($CATKIT_ICATPLUS_ELOGBOOK_URL, elogbook_url in catkit.cfg)")
    .option("--token-file <file>", "file holding the ICAT+ e-logbook token ($CATKIT_ICATPLUS_ELOGBOOK_TOKEN)")
    .option("-c, --config <file>", "configuration file (catkit.cfg / icat.cfg)")
    .option("-s, --section <name>", "configuration section")
    .action(lazy(() => import("./run.js")));
  return examples(cmd, [
    "icat-sync-raw --beamline id27 --proposal blc14904 --session 20230829 --save-dir /tmp/icat/summary --cache-dir /tmp/icat/cache --format esrfv3 --register --invalidate-cache",
    "icat-sync-raw --save-dir /tmp/icat/summary --cache-dir /tmp/icat/cache --invalidate-cache --no-print",
  ]);
}
