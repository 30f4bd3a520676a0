// IcatPlusClient's options: pyicat-plus's IcatClient constructor keywords in camelCase, with
// its units (seconds) and defaults, plus what catkit adds (receipts, outbox, transport).
import type { Logger, Transport } from "@catkit/core";
import type { ReconnectOptions } from "../messaging/stomp-failover.js";

/**
 * Options of {@link IcatPlusClient}. Broker lists are "host[:port]" or "tcp://host:port".
 *
 * @example
 * ```ts
 * const options: IcatPlusClientOptions = {
 *   metadataUrls: ["bcu-mq-01.esrf.fr:61613", "bcu-mq-02.esrf.fr:61613"],
 *   elogbookUrl: "https://icatplus.esrf.fr", elogbookToken: "elogbook-…", beamline: "id00", proposal: "hg123",
 * };
 * ```
 */
export interface IcatPlusClientOptions {
  /** Brokers for icatIngest (store_*, start_investigation). */
  metadataUrls?: readonly string[];
  /** Default "icatIngest". */
  metadataQueue?: string;
  /** Jolokia port (default 8778). */
  metadataQueueMonitorPort?: number;
  /** ICAT+ base URL (e-logbook and investigation look-ups). */
  elogbookUrl?: string;
  /** ICAT+ API key of the e-logbook (a secret: redacted everywhere). */
  elogbookToken?: string;
  /** Seconds an e-logbook POST may take. pyicat-plus: 0.1, and a timeout counts as sent; catkit: 10, and a timeout goes to the outbox. */
  elogbookTimeout?: number;
  /** Seconds an investigation/dataset look-up may take before it answers "not available" (default 10). */
  feedbackTimeout?: number;
  /** Seconds to wait for the broker's CONNECTED frame (default 1, pyicat-plus's). */
  queueTimeout?: number;
  /** Defaults of the methods' beamline/proposal (pyicat-plus current_beamline/current_proposal). */
  beamline?: string;
  proposal?: string;
  /** Merged into every e-logbook message (pyicat-plus elogbook_metadata). */
  elogbookMetadata?: Readonly<Record<string, unknown>>;
  updateMetadataUrls?: readonly string[];
  updateMetadataQueue?: string;
  updateMetadataQueueMonitorPort?: number;
  addFilesUrls?: readonly string[];
  addFilesQueue?: string;
  addFilesQueueMonitorPort?: number;
  rescheduleInvestigationUrls?: readonly string[];
  rescheduleInvestigationQueue?: string;
  rescheduleInvestigationQueueMonitorPort?: number;
  /** @deprecated as in pyicat-plus (archive status messages). */
  archiveUrls?: readonly string[];
  /** @deprecated */
  archiveQueue?: string;
  /** @deprecated */
  archiveQueueMonitorPort?: number;
  /** ICAT+ URL of the session-authenticated API (catalogue, tracking, samplemetadata). */
  icatplusRestrictedUrl?: string;
  /** Logs in at construction (pyicat-plus icatplus_password). A secret. */
  icatplusPassword?: string;
  /** An existing ICAT+ session id (overrides the password). A secret. */
  icatSessionId?: string;

  // catkit additions
  /** Seconds to wait for a broker RECEIPT before the message goes to the outbox (default 10). */
  receiptTimeout?: number;
  /** Outbox directory, or false to fail instead of keeping messages (default: per user, see defaultOutboxDir). */
  outboxDir?: string | false;
  /** Failover reconnect timings (default pyicat-plus's: 3 rounds, 250 ms doubling to 1 s). */
  reconnect?: ReconnectOptions;
  /** `machine` metadata default (default os.hostname()). */
  machine?: string;
  /** `software` metadata default (default "catkit-icat-plus_v<version>"). */
  software?: string;
  /** HTTP transport for ICAT+ and Jolokia (shared or mocked). */
  transport?: Transport;
  logger?: Logger;
  /** The clock used for default dates. */
  now?: () => Date;
}
