// startIdsSandbox(): a real HTTP server speaking ids.server's REST API, on core's sandbox
// scaffolding (port 0, fault injection, request log). Files live in a directory (a temporary
// one by default, removed on close); the catalogue behind it is an IdsCatalogue, in memory by
// default.
import { join, resolve } from "node:path";
import { ownedTempDir, startSandboxServer, type FaultInjector, type OwnedTempDir, type RecordedRequest, type SandboxServerOptions } from "@catkit/core/testing";
import type { IdsCatalogue } from "./catalogue.js";
import { withCatalogueLatency } from "./catalogue-latency.js";
import { FileStorage, type StorageContent, type StoredFile } from "./file-storage.js";
import { createIdsHandler } from "./ids-router.js";
import { InMemoryCatalogue } from "./memory-catalogue.js";
import { PreparedStore } from "./prepared-store.js";
import type { SandboxContext } from "./sandbox-context.js";
import { TwoLevelStorage, type TwoLevelOptions } from "./two-level-storage.js";

/**
 * Options of {@link startIdsSandbox}; each mirrors an ids.server setting where one exists.
 *
 * @example
 * ```ts
 * const sandbox = await startIdsSandbox({ readOnly: false, twoLevel: { storageUnit: "datafile" }, linkEnabled: true });
 * ```
 */
export interface IdsSandboxOptions<C extends IdsCatalogue = InMemoryCatalogue> extends SandboxServerOptions {
  /** The catalogue (default: a new InMemoryCatalogue). */
  catalogue?: C;
  /** Storage directory (default: a temporary directory, removed on close). */
  dataDir?: string;
  /** run.properties `readOnly`: put and delete answer 501. */
  readOnly?: boolean;
  /** run.properties `enableWrite` (default: not readOnly). */
  enableWrite?: boolean;
  /** Archive storage behind main storage (run.properties plugin.archive.*). */
  twoLevel?: boolean | TwoLevelOptions;
  /** getLink enabled (run.properties linkLifetimeSeconds > 0). Default false. */
  linkEnabled?: boolean;
  /** What getIcatUrl answers. */
  icatUrl?: string;
  /** What version answers (default "2.1.1", the newest ids.server release). */
  version?: string;
  /** Users allowed getServiceStatus (default ["db/root"]). */
  rootUserNames?: readonly string[];
  /** Give zip entries a fixed time, so a zip's bytes are the same on every request (ids.server stamps the current time). */
  stableZips?: boolean;
  /** Prepared ids kept (run.properties preparedCount, default 10000). */
  preparedCount?: number;
  /** Path the API is served under (default "/ids"). */
  basePath?: string;
  /** Wait this long before every catalogue call, as a real IDS waits on ICAT (default 0). */
  catalogueLatencyMs?: number;
}

/**
 * A file to add to the sandbox: stored in its directory and registered in its catalogue.
 *
 * @example
 * ```ts
 * const df = await sandbox.addDatafile({ datasetId: 7, name: "a.txt", content: "hello" });
 * ```
 */
export interface SandboxDatafileInit {
  datasetId: number;
  name: string;
  content: StorageContent;
  datafileFormatId?: number;
  description?: string;
  /** The session that registers it (default: the in-memory catalogue's root session). */
  sessionId?: string;
}

/**
 * A running IDS sandbox.
 *
 * @example
 * ```ts
 * const sandbox: IdsSandbox = await startIdsSandbox();
 * const ids = new IdsClient({ url: sandbox.url, credential: sandbox.rootSessionId });
 * ```
 */
export interface IdsSandbox<C extends IdsCatalogue = InMemoryCatalogue> {
  /** The IDS base URL, e.g. "http://127.0.0.1:40123/ids". */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** Core's fault injector: drop connections after N bytes, delay, answer 503… */
  readonly faults: FaultInjector;
  readonly requests: readonly RecordedRequest[];
  readonly catalogue: C;
  readonly storage: FileStorage;
  /** The archive state machine (two-level mode only). */
  readonly twoLevel: TwoLevelStorage | undefined;
  readonly dataDir: string;
  /** A session of "db/root" when the catalogue is an InMemoryCatalogue. */
  readonly rootSessionId: C extends InMemoryCatalogue ? string : string | undefined;
  /** Writes bytes to storage as IDS's put would (`<invId>/<dsId>/<uuid>`), without registering them. */
  storeFile(datasetId: number, content: StorageContent): Promise<StoredFile>;
  /** The wait before every catalogue call, ms; change it at any time. */
  catalogueLatencyMs: number;
  /** Stores a file and registers it as a Datafile; returns the new id with the stored facts. */
  addDatafile(init: SandboxDatafileInit): Promise<StoredFile & { id: number }>;
  close(): Promise<void>;
}

/**
 * Starts an IDS sandbox server.
 *
 * @example
 * ```ts
 * const sandbox = await startIdsSandbox({ twoLevel: { restoreDelayMs: 50 } });
 * const ids = new IdsClient({ url: sandbox.url, credential: sandbox.rootSessionId });
 * await ids.ping();
 * await sandbox.close();
 * ```
 */
export async function startIdsSandbox<C extends IdsCatalogue = InMemoryCatalogue>(options: IdsSandboxOptions<C> = {}): Promise<IdsSandbox<C>> {
  // A directory of its own is removed on close, or when the process ends without closing.
  let ownDir: OwnedTempDir | undefined;
  let dataDir: string;
  if (options.dataDir === undefined) {
    ownDir = await ownedTempDir("catkit-ids-sandbox-");
    dataDir = ownDir.path;
  } else dataDir = resolve(options.dataDir);
  const catalogue = (options.catalogue ?? new InMemoryCatalogue()) as C;
  const rootSessionId = (catalogue instanceof InMemoryCatalogue ? catalogue.createSession("db/root") : undefined) as IdsSandbox<C>["rootSessionId"];
  const readOnly = options.readOnly ?? false;
  const twoLevel = options.twoLevel ? new TwoLevelStorage(options.twoLevel === true ? {} : options.twoLevel) : undefined;
  const storage = new FileStorage(dataDir);
  let latency = options.catalogueLatencyMs ?? 0;
  const ctx: SandboxContext = {
    catalogue: withCatalogueLatency(catalogue, () => latency),
    storage,
    twoLevel,
    prepared: new PreparedStore(options.preparedCount),
    config: {
      readOnly,
      enableWrite: options.enableWrite ?? !readOnly,
      linkEnabled: options.linkEnabled ?? false,
      icatUrl: options.icatUrl ?? "https://icat.example.org",
      version: options.version ?? "2.1.1",
      rootUserNames: options.rootUserNames ?? ["db/root"],
      stableZips: options.stableZips ?? false,
      linkDir: join(dataDir, "link"),
    },
  };
  const basePath = options.basePath ?? "/ids";
  const server = await startSandboxServer(createIdsHandler(ctx, basePath), {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
  });

  const storeFile = async (datasetId: number, content: StorageContent): Promise<StoredFile> => {
    const { datasets } = await catalogue.resolveSelection(undefined, { investigationIds: [], datasetIds: [datasetId], datafileIds: [] });
    const dataset = datasets[0];
    if (!dataset) throw new Error(`dataset ${datasetId} is not in the catalogue`);
    return storage.store(dataset, content);
  };

  return {
    url: `${server.origin}${basePath}`,
    origin: server.origin,
    port: server.port,
    faults: server.faults,
    requests: server.requests,
    catalogue,
    storage,
    twoLevel,
    dataDir,
    rootSessionId,
    get catalogueLatencyMs() {
      return latency;
    },
    set catalogueLatencyMs(ms: number) {
      latency = ms;
    },
    storeFile,
    async addDatafile(init) {
      const sessionId: string | undefined = init.sessionId ?? rootSessionId;
      if (sessionId === undefined) throw new Error("addDatafile needs a sessionId with a custom catalogue");
      const stored = await storeFile(init.datasetId, init.content);
      const id = await catalogue.createDatafile(sessionId, {
        name: init.name,
        datasetId: init.datasetId,
        datafileFormatId: init.datafileFormatId,
        description: init.description,
        location: stored.location,
        fileSize: stored.size,
        checksum: stored.checksum,
      });
      return { ...stored, id };
    },
    async close() {
      twoLevel?.close();
      await server.close();
      await ownDir?.remove();
    },
  };
}
