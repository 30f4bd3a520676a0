// pyicat-plus's defaults (client/defaults.py, client/messaging.py): brokers, queue names,
// Jolokia port, the e-logbook token placeholder, and stompest's failover settings.

/**
 * Queue names and brokers as pyicat-plus ships them.
 *
 * @example
 * ```ts
 * new IcatPlusClient({ metadataUrls: [...ICATPLUS_DEFAULTS.brokers] });
 * ```
 */
export const ICATPLUS_DEFAULTS = {
  /** ESRF's brokers (defaults.METADATA_BROKERS). */
  brokers: ["bcu-mq-01.esrf.fr:61613", "bcu-mq-02.esrf.fr:61613"],
  metadataQueue: "icatIngest",
  updateMetadataQueue: "icatUpdateDatasetMetadata",
  addFilesQueue: "icatDataFiles",
  archiveQueue: "icatArchiveRestoreStatus",
  rescheduleInvestigationQueue: "rescheduleInvestigation",
  /** Jolokia port of the broker's monitoring endpoint (IcatMessagingClient monitor_port). */
  monitorPort: 8778,
  /** defaults.ELOGBOOK_TOKEN */
  elogbookToken: "elogbook-00000000-0000-0000-0000-000000000000",
  /** STOMP port when a broker URL has none (IcatMessagingClient.DEFAULT_PORT). */
  stompPort: 61613,
  /** Seconds to wait for CONNECTED (queue_timeout). */
  queueTimeout: 1,
  /** Seconds an e-logbook POST may take (elogbook_timeout). */
  elogbookTimeout: 0.1,
  /**
   * stompest failover URI options pyicat-plus sets:
   * maxReconnectAttempts=3, initialReconnectDelay=250, maxReconnectDelay=1000 (ms, doubling).
   */
  reconnect: { attempts: 3, initialDelayMs: 250, maxDelayMs: 1000 },
} as const;

/**
 * The queues the client sends to.
 *
 * @example
 * ```ts
 * const q: QueueName = "icatIngest";
 * ```
 */
export type QueueName = string;
