// `catkit icat-plus …`: what pyicat-plus's IcatClient does against ICAT+ from a shell
// (investigation look-up, registered datasets, the e-logbook) and the icat-plus outbox. The
// store/sync tools are commands of their own (icat-store-*, icat-sync-raw). Code loads on use.
import { Command, Option } from "commander";
import { collect } from "../../runtime/collect.js";
import { examples, lazy } from "../../runtime/lazy.js";

function icatPlusFlags(cmd: Command): Command {
  return cmd
    .option("--icat-plus-url <url>", "ICAT+ URL ($CATKIT_ICATPLUS_ELOGBOOK_URL, elogbook_url in catkit.cfg)")
    .option("--token-file <file>", "file holding the e-logbook token ($CATKIT_ICATPLUS_ELOGBOOK_TOKEN, elogbook_token in catkit.cfg)");
}

function lookupFlags(cmd: Command): Command {
  return icatPlusFlags(cmd)
    .requiredOption("--beamline <name>", "beamline (instrument), e.g. id00")
    .requiredOption("--proposal <name>", "proposal (investigation name), e.g. id002207")
    .option("--date <date>", "the session's day (YYYY-MM-DD) or an ISO date-time; default now")
    .option("--no-open-ended", "ignore investigations without an end date");
}

function elogFlags(cmd: Command): Command {
  return icatPlusFlags(cmd)
    .option("--beamline <name>", "beamline")
    .option("--proposal <name>", "proposal (omit, or --beamline-only, for the beamline e-logbook)")
    .option("--beamline-only", "post to the beamline e-logbook")
    .option("--dataset <name>", "dataset the message is about")
    .option("--tag <name>", "tag (repeatable)", collect);
}

/**
 * The `icat-plus` command group.
 *
 * @example
 * ```ts
 * program.addCommand(defineIcatPlus());
 * ```
 */
export function defineIcatPlus(): Command {
  const group = new Command("icat-plus").description("ICAT+ (pyicat-plus's client): investigation look-up, registered datasets, the e-logbook, the outbox");
  examples(group, [
    "catkit icat-plus investigation --beamline id00 --proposal id002207 --date 2024-03-01",
    'catkit icat-plus elog send --beamline id00 --proposal id002207 --tag align "Sample aligned"',
    "catkit icat-plus outbox status",
  ]);
  const lookup = () => import("./lookup.js");
  examples(
    lookupFlags(group.command("investigation").alias("info").description("the investigation (experiment session) of a beamline and proposal on a date, chosen as pyicat-plus does"))
      .action(lazy(() => lookup().then((m) => ({ default: m.investigation })))),
    ["catkit icat-plus investigation --beamline id00 --proposal id002207", "catkit --json icat-plus info --beamline id00 --proposal id002207 --date 2024-03-01 | jq .id"],
  );
  examples(
    lookupFlags(group.command("datasets").description("datasets registered in that investigation (id, name, file count, path)"))
      .action(lazy(() => lookup().then((m) => ({ default: m.datasets })))),
    ["catkit icat-plus datasets --beamline id00 --proposal id002207 --json"],
  );
  const elog = examples(group.command("elog").alias("logbook").description("post to the ICAT+ e-logbook"), ['catkit icat-plus elog send --beamline id00 --proposal id002207 "Sample aligned"']);
  const posts = () => import("./elog.js");
  examples(
    elogFlags(elog.command("send").description("post a text message").argument("<message...>", "the message text"))
      .addOption(new Option("--category <type>", "message type (pyicat-plus message_type)").choices(["comment", "debug", "info", "warning", "error", "command"]))
      .action(lazy(() => posts().then((m) => ({ default: m.send })))),
    ['catkit icat-plus elog send --beamline id00 --proposal id002207 --category info "Beam is back"', 'catkit icat-plus logbook send --beamline id00 --beamline-only "Vacuum fixed"'],
  );
  examples(
    elogFlags(elog.command("image").description("post an image (or any file) as base64; mimetype from the file name").argument("<file>"))
      .action(lazy(() => posts().then((m) => ({ default: m.image })))),
    ["catkit icat-plus elog image --beamline id00 --proposal id002207 scan.png"],
  );
  const outbox = examples(group.command("outbox").description("messages kept on disk because no broker or ICAT+ confirmed them"), ["catkit icat-plus outbox status"]);
  const box = () => import("./outbox.js");
  examples(icatPlusFlags(outbox.command("status").description("how many messages wait, and where")).action(lazy(() => box().then((m) => ({ default: m.status })))), ["catkit icat-plus outbox status --json"]);
  examples(
    icatPlusFlags(outbox.command("flush").description("send them now, in order (exit 6 if some are left)"))
      .option("--queue <url>", "message broker host:port (repeatable; default: pyicat-plus's brokers)", collect)
      .action(lazy(() => box().then((m) => ({ default: m.flush })))),
    ["catkit icat-plus outbox flush --queue localhost:61613"],
  );
  return group;
}
