// The wiring behind IcatPlusClient: the STOMP lanes, the outbox dispatcher, the ICAT+ HTTP
// clients, the outbox events and the lifecycle. Methods live in the subclasses.
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { join } from "node:path";
import { silentLogger, type ClientContext, type Logger } from "@catkit/core";
import type { IcatPlusClientOptions } from "./icat-plus-client-options.js";
import { ElogbookClient } from "../elogbook/elogbook-client.js";
import type { ElogbookDefaults } from "../elogbook/elogbook-message.js";
import { NotConfiguredError } from "../errors/icat-plus-errors.js";
import { icatPlusContext } from "../http/icat-plus-context.js";
import { InvestigationClient } from "../investigation/investigation-client.js";
import { ICATPLUS_DEFAULTS } from "../messaging/defaults.js";
import { StompLanes } from "../messaging/stomp-lanes.js";
import { defaultOutboxDir } from "../outbox/default-outbox-dir.js";
import type { FlushResult } from "../outbox/delivery.js";
import { Dispatcher } from "../outbox/dispatcher.js";
import { OutboxStore, type OutboxStatus } from "../outbox/outbox-store.js";
import { RestrictedClient } from "../restricted/restricted-client.js";
import { DEFAULT_SOFTWARE, type MessageDefaults } from "../xml/dataset-xml.js";

/**
 * The lane name of e-logbook posts in their outbox.
 *
 * @example
 * ```ts
 * outboxEntry.lane === ELOGBOOK_LANE; // an e-logbook post waiting in the outbox
 * ```
 */
export const ELOGBOOK_LANE = "elogbook";

const route = (urls: readonly string[] | undefined, queue: string, monitorPort: number | undefined) =>
  urls && urls.length > 0 ? { queue, brokers: urls, monitorPort: monitorPort ?? ICATPLUS_DEFAULTS.monitorPort } : undefined;

/**
 * Shared state of {@link IcatPlusClient}. Emits "outbox" ({@link OutboxStatus}) when the
 * outbox depth changes and "flush-error" (Error) when a background flush fails.
 *
 * @example
 * ```ts
 * client.on("outbox", (s: OutboxStatus) => console.log(`${s.depth} waiting`));
 * ```
 */
export class IcatPlusClientBase extends EventEmitter {
  protected readonly options: IcatPlusClientOptions;
  protected readonly lanes: StompLanes;
  /** STOMP messages, in order. */
  protected readonly dispatcher: Dispatcher;
  /** E-logbook posts: their own outbox ("<outboxDir>/elogbook"), so a broker outage never holds them up. */
  protected readonly elogbookDispatcher: Dispatcher;
  protected readonly logger: Logger;
  readonly #contexts: ClientContext[] = [];
  readonly #elogbook: ElogbookClient | undefined;
  readonly #investigations: InvestigationClient | undefined;
  readonly #restricted: RestrictedClient | undefined;
  #login: Promise<unknown> | undefined;
  /** Default beamline of the methods (pyicat-plus current_beamline). */
  currentBeamline: string | undefined;
  /** Default proposal of the methods (pyicat-plus current_proposal). */
  currentProposal: string | undefined;

  constructor(options: IcatPlusClientOptions = {}) {
    super();
    this.options = options;
    this.logger = options.logger ?? silentLogger;
    this.currentBeamline = options.beamline;
    this.currentProposal = options.proposal;
    const d = ICATPLUS_DEFAULTS;
    this.lanes = new StompLanes(
      {
        metadata: route(options.metadataUrls, options.metadataQueue ?? d.metadataQueue, options.metadataQueueMonitorPort),
        updateMetadata: route(options.updateMetadataUrls, options.updateMetadataQueue ?? d.updateMetadataQueue, options.updateMetadataQueueMonitorPort),
        addFiles: route(options.addFilesUrls, options.addFilesQueue ?? d.addFilesQueue, options.addFilesQueueMonitorPort),
        reschedule: route(options.rescheduleInvestigationUrls, options.rescheduleInvestigationQueue ?? d.rescheduleInvestigationQueue, options.rescheduleInvestigationQueueMonitorPort),
         
        archive: route(options.archiveUrls, options.archiveQueue ?? d.archiveQueue, options.archiveQueueMonitorPort),
      },
      {
        connectTimeoutMs: (options.queueTimeout ?? d.queueTimeout) * 1000,
        receiptTimeoutMs: (options.receiptTimeout ?? 10) * 1000,
        ...(options.reconnect ? { reconnect: options.reconnect } : {}),
        ...(options.transport ? { transport: options.transport } : {}),
        onConnected: () => this.dispatcher.poke(),
      },
    );
    const http = { transport: options.transport, logger: options.logger };
    if (options.elogbookUrl) {
      const ctx = icatPlusContext(options.elogbookUrl, http);
      this.#contexts.push(ctx);
      const token = options.elogbookToken ?? d.elogbookToken;
      this.#elogbook = new ElogbookClient(ctx, token, (options.elogbookTimeout ?? 10) * 1000);
      this.#investigations = new InvestigationClient(ctx, token, {
        timeoutMs: (options.feedbackTimeout ?? 10) * 1000, dataPortalUrl: "https://data.esrf.fr", logger: this.logger, now: this.now,
      });
    }
    if (options.icatplusRestrictedUrl) {
      const ctx = icatPlusContext(options.icatplusRestrictedUrl, http);
      this.#contexts.push(ctx);
      this.#restricted = new RestrictedClient(ctx, options.icatSessionId);
    }
    const dir = options.outboxDir === false ? undefined : (options.outboxDir ?? defaultOutboxDir());
    this.dispatcher = new Dispatcher({ outbox: dir === undefined ? undefined : new OutboxStore(dir), lane: (name) => this.lanes.lane(name) });
    this.elogbookDispatcher = new Dispatcher({
      outbox: dir === undefined ? undefined : new OutboxStore(join(dir, ELOGBOOK_LANE)),
      lane: () => this.elogbookClient().lane(),
    });
    for (const d of [this.dispatcher, this.elogbookDispatcher]) {
      d.on("outbox", () => this.emit("outbox", this.#combined()));
      d.on("flush-error", (e: Error) => (this.listenerCount("flush-error") > 0 ? this.emit("flush-error", e) : this.logger.warn(`outbox flush failed: ${e.message}`)));
    }
  }

  protected readonly now = (): Date => (this.options.now ?? (() => new Date()))();

  #defaults: Required<MessageDefaults> | undefined;
  protected messageDefaults(): Required<MessageDefaults> {
    return (this.#defaults ??= { now: this.now, machine: this.options.machine ?? hostname(), software: this.options.software ?? DEFAULT_SOFTWARE });
  }

  protected elogbookDefaults(): ElogbookDefaults {
    return {
      ...this.messageDefaults(),
      payload: this.options.elogbookMetadata ?? {},
      warn: (m) => this.logger.warn(m),
    };
  }

  protected elogbookClient(): ElogbookClient {
    if (!this.#elogbook) throw new NotConfiguredError("The ICAT+ URL and/or token are missing: set elogbookUrl (and elogbookToken)");
    return this.#elogbook;
  }

  protected investigationClient(): InvestigationClient {
    if (!this.#investigations) throw new NotConfiguredError("The ICAT+ URL and/or token are missing: set elogbookUrl (and elogbookToken)");
    return this.#investigations;
  }

  /** The restricted client, logged in with icatplusPassword first when no session id was given. */
  protected async restrictedClient(): Promise<RestrictedClient> {
    const r = this.#restricted;
    if (!r) throw new NotConfiguredError("The ICAT+ URL is missing and/or login: set icatplusRestrictedUrl");
    if (!r.sessionId && this.options.icatplusPassword) await (this.#login ??= r.doLogIn(this.options.icatplusPassword));
    return r;
  }

  /**
   * Depth and age of the outbox.
   *
   * @example
   * ```ts
   * const { depth, oldestAt } = await client.outboxStatus();
   * ```
   */
  async outboxStatus(): Promise<OutboxStatus> {
    await Promise.all([this.dispatcher.status(), this.elogbookDispatcher.status()]);
    return this.#combined();
  }

  #combined(): OutboxStatus {
    const [a, b] = [this.dispatcher.snapshot(), this.elogbookDispatcher.snapshot()];
    const oldest = [a.oldestAt, b.oldestAt].filter((d): d is Date => d !== undefined).sort((x, y) => x.getTime() - y.getTime())[0];
    return { depth: a.depth + b.depth, oldestAt: oldest, dir: a.dir };
  }

  /**
   * Sends everything waiting in the outbox, in order; each file is removed after its receipt.
   *
   * @example
   * ```ts
   * const { delivered, remaining } = await client.flushOutbox();
   * ```
   */
  async flushOutbox(): Promise<FlushResult> {
    const [a, b] = await Promise.all([this.dispatcher.flush(), this.elogbookDispatcher.flush()]);
    const error = a.error ?? b.error;
    return { delivered: a.delivered + b.delivered, remaining: a.remaining + b.remaining, ...(error ? { error } : {}) };
  }

  /**
   * STOMP DISCONNECT from every broker (pyicat-plus disconnect()); the next send reconnects.
   *
   * @example
   * ```ts
   * await client.disconnect();
   * ```
   */
  disconnect(): Promise<void> {
    return this.lanes.close();
  }

  /**
   * Disconnects, stops background flushing and closes HTTP connections.
   *
   * @example
   * ```ts
   * await client.close();
   * ```
   */
  async close(): Promise<void> {
    this.dispatcher.close();
    this.elogbookDispatcher.close();
    await this.lanes.close();
    await Promise.all(this.#contexts.map((c) => c.close()));
  }
}
