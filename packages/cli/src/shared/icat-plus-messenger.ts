// The binding of the pyicat-plus tools to @catkit/icat-plus: messages are built, sent with broker
// receipts and, when no broker confirms them, kept in icat-plus's durable outbox (nothing is
// lost; `catkit icat-plus outbox flush` or the next run sends them). Loaded only when a tool
// sends, so `--help` and the scan of icat-sync-raw never load STOMP. Values typed on the command
// line are read by icat-plus's parseCliValue (json.loads with the text as fallback).
import { ICATPLUS_DEFAULTS, IcatPlusClient, parseCliValue, type Delivery, type MetadataValue } from "@catkit/icat-plus";
import { loadIcatPlusOptions } from "@catkit/icat-plus/config";
import type { DatasetMessage, DatasetMessenger, MessengerOptions, MetadataInput, SendOutcome } from "./dataset-messenger.js";

function metadataOf(message: DatasetMessage): Map<string, MetadataValue> {
  const metadata = new Map<string, MetadataValue>();
  for (const [name, value] of message.metadata) metadata.set(name, toValue(value));
  return metadata;
}

const toValue = (value: MetadataInput): MetadataValue => (typeof value === "object" ? parseCliValue(value.cliText) : value);

const outcomeOf = (delivery: Delivery | { outcome: "written" }): SendOutcome =>
  delivery.outcome === "written" ? { outcome: "sent" } : { outcome: delivery.outcome, reason: delivery.reason };

/**
 * A messenger over {@link IcatPlusClient}: `--queue` brokers (default: pyicat-plus's), the rest
 * from catkit's configuration (`CATKIT_ICATPLUS_*`, catkit.cfg).
 *
 * @example
 * ```ts
 * const messenger = await icatPlusMessenger({ queues: ["localhost:61613"] });
 * await messenger.addFiles(123);
 * await messenger.close();
 * ```
 */
export async function icatPlusMessenger(options: MessengerOptions): Promise<DatasetMessenger> {
  const brokers = options.queues.length > 0 ? [...options.queues] : [...ICATPLUS_DEFAULTS.brokers];
  const client = new IcatPlusClient({ ...loadIcatPlusOptions(), metadataUrls: brokers, addFilesUrls: brokers });
  return Promise.resolve({
    async storeDataset(message) {
      const fields = { beamline: message.beamline, proposal: message.proposal, dataset: message.dataset, path: message.path, metadata: metadataOf(message) };
      const delivery = message.inputDatasets === undefined ? await client.storeDataset(fields) : await client.storeProcessedData({ ...fields, raw: message.inputDatasets });
      return outcomeOf(delivery);
    },
    async storeDatasetFromFile(file) {
      return outcomeOf(await client.storeDatasetFromFile(file));
    },
    async addFiles(datasetId) {
      return outcomeOf(await client.addFiles(datasetId));
    },
    close: () => client.close(),
  });
}
