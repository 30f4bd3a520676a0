// The narrow interface through which the pyicat-plus tools send messages to the ICAT ingester.
// The CLI parses and checks the user's input and builds these messages; building the XML/JSON
// bytes, the STOMP connection and the outbox (so an unreachable broker loses nothing) belong to
// @catkit/icat-plus: its binding (icat-plus-messenger.ts) is the default; tests register their
// own factory with setDatasetMessengerFactory().

/**
 * A metadata value: a string or number sent as is, or `{ cliText }`, text typed on the command
 * line that the binding parses as pyicat-plus's tools do (`json.loads`, falling back to the
 * string: `7.1` → float 7.1, `1.0` stays the float 1.0, `[1,2]` → "1,2").
 */
export type MetadataInput = string | number | { readonly cliText: string };

/**
 * One dataset to register (pyicat-plus `store_dataset` / `store_processed_data`), metadata in
 * Python dict insertion order.
 *
 * @example
 * ```ts
 * const m: DatasetMessage = { beamline: "id00", proposal: "id002207", dataset: "0001", path: "/data/visitor/id002207/id00/20240301/RAW_DATA/s/s_0001", metadata: [["Sample_name", "s"]] };
 * ```
 */
export interface DatasetMessage {
  beamline: string;
  proposal: string;
  dataset: string;
  path: string;
  metadata: readonly (readonly [name: string, value: MetadataInput])[];
  /** Raw dataset directories of a processed dataset (metadata `input_datasets`). */
  inputDatasets?: readonly string[];
}

/**
 * What became of a message: confirmed by the broker, or kept in the outbox (to be flushed later;
 * nothing is lost). Matches @catkit/icat-plus's `Delivery`.
 *
 * @example
 * ```ts
 * const r: SendOutcome = { outcome: "outboxed", reason: "connection refused" };
 * ```
 */
export interface SendOutcome {
  outcome: "sent" | "outboxed";
  reason?: string | undefined;
}

/**
 * Sends messages to the ingester's queues.
 *
 * @example
 * ```ts
 * const messenger = await openMessenger({ queues: ["localhost:61613"] });
 * try { await messenger.addFiles(123); } finally { await messenger.close(); }
 * ```
 */
export interface DatasetMessenger {
  /** icatIngest: the dataset XML built from `message`. */
  storeDataset(message: DatasetMessage): Promise<SendOutcome>;
  /** icatIngest: a saved dataset XML file (e.g. from `__icat__`), its bytes unchanged (pyicat-plus store_dataset_from_file). */
  storeDatasetFromFile(file: string): Promise<SendOutcome>;
  /** icatDataFiles: ask the ingester to (re)count the files of a registered dataset. */
  addFiles(datasetId: number): Promise<SendOutcome>;
  /** Flushes and disconnects. */
  close(): Promise<void>;
}

/**
 * Options a messenger is made with (the tools' `--queue` flags).
 *
 * @example
 * ```ts
 * const options: MessengerOptions = { queues: ["bcu-mq-01.esrf.fr:61613"] };
 * ```
 */
export interface MessengerOptions {
  /** Broker URLs (`host:port`, `tcp://host:port`); empty → the binding's defaults (pyicat-plus's brokers). */
  queues: readonly string[];
}

/**
 * Makes a messenger.
 *
 * @example
 * ```ts
 * const factory: DatasetMessengerFactory = async ({ queues }) => makeMessenger(queues);
 * ```
 */
export type DatasetMessengerFactory = (options: MessengerOptions) => Promise<DatasetMessenger>;

let factory: DatasetMessengerFactory | undefined;

/**
 * Replaces the binding (tests record messages this way); `undefined` restores the icat-plus one.
 *
 * @example
 * ```ts
 * setDatasetMessengerFactory(async ({ queues }) => myMessenger(queues));
 * ```
 */
export function setDatasetMessengerFactory(next: DatasetMessengerFactory | undefined): void {
  factory = next;
}

/**
 * Opens a messenger through the registered binding.
 *
 * @example
 * ```ts
 * const messenger = await openMessenger({ queues: ["localhost:61613"] });
 * ```
 */
export async function openMessenger(options: MessengerOptions): Promise<DatasetMessenger> {
  // The @catkit/icat-plus binding by default, loaded only now (STOMP is not needed for --help).
  const make = factory ?? (await import("./icat-plus-messenger.js")).icatPlusMessenger;
  return make(options);
}

/**
 * How an outcome reads in a log line.
 *
 * @example
 * ```ts
 * describeOutcome({ outcome: "sent" }); // "sent to the ICAT ingester"
 * ```
 */
export function describeOutcome(result: SendOutcome): string {
  return result.outcome === "sent" ? "sent to the ICAT ingester" : `kept in the outbox, to be sent when the broker answers${result.reason ? ` (${result.reason})` : ""}`;
}
