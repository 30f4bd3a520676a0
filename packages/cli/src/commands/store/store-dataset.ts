// icat-store-raw and icat-store-processed (pyicat-plus apps/store_raw.py, store_processed.py):
// check the input, build the dataset message, send it through the messenger, disconnect.
import { isAbsolute } from "node:path";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { describeOutcome, openMessenger, type DatasetMessage } from "../../shared/dataset-messenger.js";
import { datasetMetadata } from "./metadata-input.js";

/** Flags of icat-store-raw (and -processed, which adds --raw). */
export interface StoreFlags {
  beamline: string;
  proposal: string;
  dataset: string;
  sample: string;
  path: string;
  metadatafile?: string;
  parameter?: string[];
  queue?: string[];
  raw?: string[];
}

function nonEmpty(value: string, flag: string): string {
  if (value.trim() === "") throw new UsageError(`${flag} must not be empty`);
  return value;
}

/**
 * Builds the message from the flags (usage errors for bad input; nothing is sent).
 *
 * @example
 * ```ts
 * await datasetMessage({ beamline: "id00", proposal: "id002207", dataset: "d1", sample: "s", path: "/data/visitor/id002207/id00/20240301/RAW_DATA/s/s_d1" }, false);
 * ```
 */
export async function datasetMessage(flags: StoreFlags, processed: boolean): Promise<DatasetMessage> {
  if (!isAbsolute(flags.path)) throw new UsageError(`--path must be an absolute directory path, got ${JSON.stringify(flags.path)}`);
  if (processed && (flags.raw ?? []).length === 0) throw new UsageError("icat-store-processed needs at least one --raw DIR (the raw dataset directories it was processed from)");
  for (const raw of flags.raw ?? []) if (!isAbsolute(raw)) throw new UsageError(`--raw must be an absolute directory path, got ${JSON.stringify(raw)}`);
  return {
    beamline: nonEmpty(flags.beamline, "--beamline"),
    proposal: nonEmpty(flags.proposal, "--proposal"),
    dataset: nonEmpty(flags.dataset, "--dataset"),
    path: flags.path,
    metadata: await datasetMetadata({ sample: nonEmpty(flags.sample, "--sample"), ...(flags.metadatafile === undefined ? {} : { metadatafile: flags.metadatafile }), ...(flags.parameter === undefined ? {} : { parameter: flags.parameter }) }),
    ...(processed ? { inputDatasets: flags.raw ?? [] } : {}),
  };
}

async function store(ctx: CommandContext, flags: StoreFlags, processed: boolean): Promise<void> {
  const message = await datasetMessage(flags, processed);
  const messenger = await openMessenger({ queues: flags.queue ?? [] });
  let result;
  try {
    result = await messenger.storeDataset(message);
  } finally {
    await messenger.close();
  }
  ctx.out.data({ ...result, dataset: message.dataset, path: message.path }, `dataset ${message.dataset} (${message.path}) ${describeOutcome(result)}`);
}

/** `icat-store-raw`. @example `await storeRaw(ctx, flags)` */
export const storeRaw = (ctx: CommandContext, flags: StoreFlags): Promise<void> => store(ctx, flags, false);
/** `icat-store-processed`. @example `await storeProcessed(ctx, flags)` */
export const storeProcessed = (ctx: CommandContext, flags: StoreFlags): Promise<void> => store(ctx, flags, true);
