// `catkit ids …`: names, flags and help of the IDS commands. Their code is imported on use.
import { Command } from "commander";
import { collect } from "../../runtime/collect.js";
import { examples, lazy } from "../../runtime/lazy.js";

function selectionFlags(cmd: Command, prepared = true): Command {
  cmd
    .option("--investigation <ids>", "investigation ids, comma-separated (repeatable)", collect)
    .option("--dataset <ids>", "dataset ids, comma-separated (repeatable)", collect)
    .option("--datafile <ids>", "datafile ids, comma-separated (repeatable)", collect);
  if (prepared) cmd.option("--prepared-id-file <file>", "read a preparedId from this file (or set $CATKIT_PREPARED_ID)");
  return cmd;
}

/**
 * The `ids` command group.
 *
 * @example
 * ```ts
 * program.addCommand(defineIds());
 * ```
 */
export function defineIds(): Command {
  const ids = new Command("ids").description("IDS data service: status, archive/restore, download and upload");
  examples(ids, ["catkit ids ping", "catkit ids get --dataset 7 -o ./data --wait", "catkit ids put --dataset 7 --format-id 2 ./results/"]);

  examples(ids.command("ping").description("check that IDS answers").action(lazy(() => import("./service.js").then((m) => ({ default: m.ping })))), [
    "catkit ids ping --ids-url http://127.0.0.1:8181/ids",
  ]);
  examples(ids.command("version").description("IDS version, read-only and two-level flags").action(lazy(() => import("./service.js").then((m) => ({ default: m.version })))), [
    "catkit ids version --json",
  ]);
  const calls = () => import("./calls.js");
  examples(
    selectionFlags(ids.command("status").description("status of a selection (ONLINE, RESTORING, ARCHIVED), or the service status without one")).action(
      lazy(() => calls().then((m) => ({ default: m.status }))),
    ),
    ["catkit ids status --dataset 7", "catkit -s root ids status"],
  );
  examples(selectionFlags(ids.command("size").description("total size of a selection, bytes")).action(lazy(() => calls().then((m) => ({ default: m.size })))), [
    "catkit ids size --investigation 3",
  ]);
  examples(selectionFlags(ids.command("archive").description("ask IDS to archive a selection"), false).action(lazy(() => calls().then((m) => ({ default: m.archive })))), [
    "catkit ids archive --dataset 7,8",
  ]);
  examples(selectionFlags(ids.command("restore").description("ask IDS to restore a selection"), false).action(lazy(() => calls().then((m) => ({ default: m.restore })))), [
    "catkit ids restore --dataset 7",
  ]);
  examples(selectionFlags(ids.command("reset").description("clear a failed restore of a selection")).action(lazy(() => calls().then((m) => ({ default: m.reset })))), [
    "catkit ids reset --dataset 7",
  ]);
  examples(
    selectionFlags(ids.command("prepare").description("prepare a selection for download; prints the preparedId"), false)
      .option("-o, --out <file>", "write the preparedId to this file (mode 0600) instead of stdout")
      .option("--zip", "zip even a single file")
      .action(lazy(() => calls().then((m) => ({ default: m.prepare })))),
    ["catkit ids prepare --dataset 7 -o prepared.txt", "catkit ids is-prepared --prepared-id-file prepared.txt"],
  );
  examples(ids.command("is-prepared").description("is a prepared download ready? (exit 4 when not yet)").option("--prepared-id-file <file>", "the preparedId").action(lazy(() => calls().then((m) => ({ default: m.isPrepared })))), [
    "catkit ids is-prepared --prepared-id-file prepared.txt",
  ]);
  examples(selectionFlags(ids.command("datafile-ids").description("the datafile ids of a selection")).action(lazy(() => calls().then((m) => ({ default: m.datafileIds })))), [
    "catkit ids datafile-ids --dataset 7 --json",
  ]);
  examples(
    selectionFlags(ids.command("get").description("download a selection or preparedId to a file or directory (resumes, verifies size and CRC32)"))
      .option("-o, --out <path>", "file or existing directory", ".")
      .option("--wait", "if the data is archived, restore it and wait")
      .option("--each", "one file per datafile into the --out directory, each checked against ICAT's size and checksum")
      .option("--checksum <crc32>", "expected CRC32 (hex) of a single-file download")
      .option("--zip", "zip even a single file")
      .action(lazy(() => import("./get.js"))),
    ["catkit ids get --datafile 12 -o greet.txt", "catkit ids get --dataset 7 --each -o ./dataset7/ --wait", "catkit ids get --prepared-id-file prepared.txt -o ."],
  );
  examples(
    ids
      .command("put")
      .description("upload files, or every file under a directory, as datafiles of a dataset")
      .argument("<paths...>", "files or directories")
      .requiredOption("--dataset <id>", "the dataset id")
      .requiredOption("--format-id <id>", "the DatafileFormat id")
      .option("--description <text>", "datafile description")
      .action(lazy(() => import("./put.js"))),
    ["catkit ids put --dataset 7 --format-id 2 scan1.nxs scan2.nxs", "catkit ids put --dataset 7 --format-id 2 ./processed/"],
  );
  examples(selectionFlags(ids.command("delete").description("delete the data (and datafiles) of a selection"), false).action(lazy(() => calls().then((m) => ({ default: m.remove })))), [
    "catkit ids delete --datafile 12",
  ]);
  examples(
    ids
      .command("link")
      .description("IDS getLink: a hard link to a datafile, for a user (read-write IDS with links enabled)")
      .argument("<datafile-id>")
      .option("--owner <name>", "link owner (default: the session user)")
      .action(lazy(() => calls().then((m) => ({ default: m.link })))),
    ["catkit ids link 12 --owner nbour"],
  );
  return ids;
}
