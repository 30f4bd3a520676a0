// The error codes @catkit/icat-plus owns, registered with core at load (so describeErrorCode()
// knows them) and added to core's CatkitErrorCodeRegistry (so `err.code` narrows to them).
import { registerErrorCodes } from "@catkit/core";

/**
 * Error codes of @catkit/icat-plus.
 *
 * @example
 * ```ts
 * if (isCatkitError(err) && err.code === IcatPlusErrorCode.InvalidMetadata) showForm(err.message);
 * ```
 */
export const IcatPlusErrorCode = registerErrorCodes(
  {
    InvalidMetadata: "ICATPLUS_INVALID_METADATA",
    NotConfigured: "ICATPLUS_NOT_CONFIGURED",
    Broker: "ICATPLUS_BROKER",
    NoConsumer: "ICATPLUS_NO_CONSUMER",
    Outbox: "ICATPLUS_OUTBOX",
    Ingest: "ICATPLUS_INGEST",
  } as const,
  {
    ICATPLUS_INVALID_METADATA: "the dataset, investigation or message fields cannot be serialized as pyicat-plus would; nothing was sent",
    ICATPLUS_NOT_CONFIGURED: "the client has no broker list, ICAT+ URL, token or session for this call",
    ICATPLUS_BROKER: "no message broker accepted the connection or the message",
    ICATPLUS_NO_CONSUMER: "the broker is up but no ingester consumes the queue (Jolokia ConsumerCount < 1)",
    ICATPLUS_OUTBOX: "the durable outbox could not be written or read",
    ICATPLUS_INGEST: "an ingester could not apply a message to ICAT (the message is dead-lettered with this reason)",
  },
);

/**
 * One of the {@link IcatPlusErrorCode} values.
 *
 * @example
 * ```ts
 * const code: IcatPlusErrorCode = IcatPlusErrorCode.Broker;
 * ```
 */
export type IcatPlusErrorCode = (typeof IcatPlusErrorCode)[keyof typeof IcatPlusErrorCode];

declare module "@catkit/core" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the ICAT+ codes
  interface CatkitErrorCodeRegistry extends Record<IcatPlusErrorCode, true> {}
}
