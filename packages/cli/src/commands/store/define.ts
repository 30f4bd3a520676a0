// pyicat-plus's icat-store-raw, icat-store-processed and icat-store-from-file, flag for flag
// (reference pyicat-plus.md §4.1, §4.2): both a `catkit` subcommand and a bin of their own.
import { Command } from "commander";
import { collect } from "../../runtime/collect.js";
import { examples, lazy } from "../../runtime/lazy.js";

function datasetFlags(cmd: Command): Command {
  return cmd
    .requiredOption("--beamline <name>", "beamline, e.g. id00")
    .requiredOption("--proposal <name>", "proposal, e.g. id002207")
    .requiredOption("--dataset <name>", "dataset name")
    .requiredOption("--sample <name>", "sample name (metadata Sample_name)")
    .requiredOption("--path <dir>", "dataset directory (absolute)")
    .option("--metadatafile <file>", '"key = value" lines; values parsed as JSON, else kept as text')
    .option("-p, --parameter <name=value>", "metadata field (repeatable; overrides --metadatafile)", collect)
    .option("--queue <url>", "message broker host:port (repeatable; default: pyicat-plus's brokers)", collect);
}

/** `icat-store-raw`. @example `program.addCommand(defineStoreRaw())` */
export function defineStoreRaw(): Command {
  const cmd = datasetFlags(new Command("icat-store-raw").description("register a raw dataset with ICAT (sends it to the ICAT ingester)"));
  cmd.action(lazy(() => import("./store-dataset.js").then((m) => ({ default: m.storeRaw }))));
  return examples(cmd, [
    "icat-store-raw --beamline id00 --proposal id002207 --dataset dataset1 --sample mysample \\\n      --path /data/visitor/id002207/id00/20240301/RAW_DATA/collection/collection_dataset1 -p FIELD1=value1 -p FIELD2=value2",
    "icat-store-raw … --metadatafile meta.ini --queue localhost:61613",
  ]);
}

/** `icat-store-processed`. @example `program.addCommand(defineStoreProcessed())` */
export function defineStoreProcessed(): Command {
  const cmd = datasetFlags(new Command("icat-store-processed").description("register a processed dataset with ICAT, linked to its raw datasets"));
  cmd.option("--raw <dir>", "raw dataset directory it comes from (repeatable, at least one)", collect);
  cmd.action(lazy(() => import("./store-dataset.js").then((m) => ({ default: m.storeProcessed }))));
  return examples(cmd, [
    "icat-store-processed --beamline id00 --proposal id002207 --dataset integrate --sample mysample \\\n      --path /data/visitor/id002207/id00/20240301/PROCESSED_DATA/sample/sample_0001 \\\n      --raw /data/visitor/id002207/id00/20240301/RAW_DATA/sample/sample_0001",
  ]);
}

/** `icat-store-from-file`. @example `program.addCommand(defineStoreFromFile())` */
export function defineStoreFromFile(): Command {
  const cmd = new Command("icat-store-from-file")
    .description("send saved dataset XML files (e.g. RAW_DATA/__icat__/*.xml) to the ICAT ingester, oldest first, bytes unchanged")
    .argument("<filter...>", "files or glob patterns")
    .option("--queue <url>", "message broker host:port (repeatable; default: pyicat-plus's brokers)", collect)
    .action(lazy(() => import("./store-from-file.js")));
  return examples(cmd, ["icat-store-from-file /data/visitor/id002207/id00/20240301/RAW_DATA/__icat__/*.xml", "icat-store-from-file '/data/visitor/*/id00/*/RAW_DATA/__icat__/*.xml' --queue localhost:61613"]);
}
