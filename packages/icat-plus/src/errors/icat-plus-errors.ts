// The errors @catkit/icat-plus throws itself. HTTP failures of ICAT+ are core's HttpError.
import { CatkitError, InvalidArgumentError, type CatkitErrorOptions } from "@catkit/core";
import { IcatPlusErrorCode } from "./icat-plus-error-codes.js";

/**
 * A dataset, investigation or message field that pyicat-plus would reject (or silently mangle):
 * a missing Sample_name, a nested object, an invalid date, a character XML cannot carry…
 * `argument` names the field. Nothing was sent or written.
 *
 * @example
 * ```ts
 * try { datasetXml({ beamline: "id00", proposal: "hg123", dataset: "d", path: "/p", metadata: {} }); }
 * catch (err) { if (err instanceof InvalidMetadataError) console.error(err.argument, err.message); }
 * ```
 */
export class InvalidMetadataError extends InvalidArgumentError {
  static override readonly kind: string = "icat-plus.InvalidMetadataError";
  constructor(message: string, options: CatkitErrorOptions & { argument?: string } = {}) {
    super(message, { ...options, code: IcatPlusErrorCode.InvalidMetadata });
  }
}

/**
 * The client lacks what a call needs (pyicat-plus: "The message queue URL's are missing",
 * "The ICAT+ URL and/or token are missing", "Login is required.").
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof NotConfiguredError) console.error("configure icatplus_url first"); }
 * ```
 */
export class NotConfiguredError extends CatkitError {
  static override readonly kind: string = "icat-plus.NotConfiguredError";
  constructor(message: string, options: CatkitErrorOptions = {}) {
    super(IcatPlusErrorCode.NotConfigured, message, options);
  }
}

/**
 * No broker of the list accepted the connection or confirmed a message. `brokers` lists what
 * was tried.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof BrokerError) console.error(err.brokers.join(", ")); }
 * ```
 */
export class BrokerError extends CatkitError {
  static override readonly kind: string = "icat-plus.BrokerError";
  readonly brokers: readonly string[];
  constructor(message: string, options: CatkitErrorOptions & { brokers?: readonly string[]; code?: IcatPlusErrorCode } = {}) {
    super(options.code ?? IcatPlusErrorCode.Broker, message, options);
    this.brokers = options.brokers ?? [];
  }
  protected override details(): Record<string, unknown> {
    return { brokers: this.brokers };
  }
}

/**
 * The outbox directory could not be written or read.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof OutboxError) console.error(err.path); }
 * ```
 */
export class OutboxError extends CatkitError {
  static override readonly kind: string = "icat-plus.OutboxError";
  readonly path: string;
  constructor(message: string, path: string, options: CatkitErrorOptions = {}) {
    super(IcatPlusErrorCode.Outbox, message, options);
    this.path = path;
  }
  protected override details(): Record<string, unknown> {
    return { path: this.path };
  }
}

/**
 * A message an ingester cannot apply to ICAT; its message is the dead-letter reason.
 *
 * @example
 * ```ts
 * throw new IngestError("no investigation hg666 on id00 around 2024-03-01T10:00:00+01:00");
 * ```
 */
export class IngestError extends CatkitError {
  static override readonly kind: string = "icat-plus.IngestError";
  constructor(message: string, options: CatkitErrorOptions = {}) {
    super(IcatPlusErrorCode.Ingest, message, options);
  }
}
