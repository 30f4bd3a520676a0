// startIcatPlusSandbox(): a real HTTP server speaking ICAT+'s API (the parts pyicat-plus uses),
// backed by an ICAT sandbox through the ICAT client, so that look-ups see what the ingester
// registered. Received e-logbook events are kept for tests to read.
import { randomUUID } from "node:crypto";
import { startSandboxServer, type FaultInjector, type RecordedRequest } from "@catkit/core/testing";
import { IcatClient } from "@catkit/icat";
import type { IcatSandbox } from "@catkit/icat/testing";
import { ICATPLUS_DEFAULTS } from "../messaging/defaults.js";
import { IcatViews } from "./icat-views.js";
import { icatPlusHandler, type ReceivedEvent, type SandboxSampleFile } from "./icat-plus-router.js";

/**
 * Options of {@link startIcatPlusSandbox}.
 *
 * @example
 * ```ts
 * const o: IcatPlusSandboxOptions = { icat: icatSandbox, token: "elogbook-…" };
 * ```
 */
export interface IcatPlusSandboxOptions {
  /** The ICAT sandbox to read investigations and datasets from. */
  icat: IcatSandbox;
  /** The e-logbook API key (default pyicat-plus's placeholder token). */
  token?: string;
  /** Users of POST /session (default "reader" with password "correct", as pyicat-plus's test server). */
  users?: Record<string, { password: string; fullName?: string; isAdministrator?: boolean; isInstrumentScientist?: boolean }>;
  /** Parcels by investigation id, as listed by tracking/{sessionId}/parcel (POST there adds to them). */
  parcels?: Record<string, unknown[]>;
  /** Files by sample id. */
  sampleFiles?: Record<string, SandboxSampleFile[]>;
  /** Jolokia's ConsumerCount per queue (default: 0; pass an ingester's consumerCount). */
  consumers?: (queue: string) => number;
  port?: number;
}

/**
 * A running ICAT+ sandbox.
 *
 * @example
 * ```ts
 * const icatPlus = await startIcatPlusSandbox({ icat: icatSandbox });
 * const client = new IcatPlusClient({ elogbookUrl: icatPlus.url });
 * await client.sendMessage("hello", { beamline: "id00", proposal: "hg123" });
 * icatPlus.events[0]?.body.content; // [{ format: "plainText", text: "hello" }]
 * ```
 */
export interface IcatPlusSandbox {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** E-logbook events received, in order. */
  readonly events: ReceivedEvent[];
  readonly faults: FaultInjector;
  readonly requests: readonly RecordedRequest[];
  /** Opens a session for a user without a password (tests). */
  login(username?: string): string;
  close(): Promise<void>;
}

/**
 * Starts the ICAT+ sandbox.
 *
 * @example
 * ```ts
 * const icatPlus = await startIcatPlusSandbox({ icat: await startIcatSandbox() });
 * ```
 */
export async function startIcatPlusSandbox(options: IcatPlusSandboxOptions): Promise<IcatPlusSandbox> {
  const icat = new IcatClient({ url: options.icat.url, credential: options.icat.login() });
  const users = new Map(
    Object.entries(options.users ?? { reader: { password: "correct", fullName: "Reader" } }).map(([name, u]) => [
      name,
      { password: u.password, fullName: u.fullName ?? name, isAdministrator: u.isAdministrator ?? false, isInstrumentScientist: u.isInstrumentScientist ?? false },
    ]),
  );
  const state = {
    token: options.token ?? ICATPLUS_DEFAULTS.elogbookToken,
    users,
    sessions: new Map<string, string>(),
    events: [] as ReceivedEvent[],
    views: new IcatViews(icat),
    parcels: options.parcels ?? {},
    sampleFiles: options.sampleFiles ?? {},
    consumers: options.consumers ?? (() => 0),
  };
  const server = await startSandboxServer(icatPlusHandler(state), options.port === undefined ? {} : { port: options.port });
  return {
    url: server.origin,
    port: server.port,
    token: state.token,
    events: state.events,
    faults: server.faults,
    requests: server.requests,
    login(username = "reader") {
      const id = randomUUID();
      state.sessions.set(id, username);
      return id;
    },
    async close() {
      await server.close();
      await icat.close();
    },
  };
}
