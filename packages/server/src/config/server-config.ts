// The server's configuration schema: one zod schema, so that the file, the environment and the
// README's reference agree. Every field has a default except the service URLs a part needs; a
// part that is started without its section fails at start with the key named.
import { z } from "zod";

const url = z.url({ protocol: /^https?$/ });
const positiveInt = z.int().positive();

/** ICAT credentials of the ingest service (an account allowed to create datasets). */
const LoginSchema = z.strictObject({
  plugin: z.string().min(1).default("db"),
  username: z.string().min(1),
  password: z.string().min(1),
});

/** The e-logbook store: embedded SQLite (one instance) or PostgreSQL (several instances). */
const LogbookSchema = z.discriminatedUnion("store", [
  z.strictObject({
    store: z.literal("sqlite"),
    /** Database file (":memory:" for tests). */
    path: z.string().min(1).default("catkit-logbook.sqlite"),
    imagesDir: z.string().min(1).default("catkit-logbook-images"),
    imageThresholdBytes: z.int().nonnegative().default(64 * 1024),
    maxImageBytes: positiveInt.default(10 * 1024 * 1024),
  }),
  z.strictObject({
    store: z.literal("postgres"),
    /** A libpq connection URL: postgres://user@host:port/db */
    url: z.string().regex(/^postgres(ql)?:\/\//, "expected a postgres:// URL"),
    imagesDir: z.string().min(1).default("catkit-logbook-images"),
    imageThresholdBytes: z.int().nonnegative().default(64 * 1024),
    maxImageBytes: positiveInt.default(10 * 1024 * 1024),
  }),
]);

const QueuesSchema = z.strictObject({
  metadata: z.string().min(1).default("icatIngest"),
  updateMetadata: z.string().min(1).default("icatUpdateDatasetMetadata"),
  addFiles: z.string().min(1).default("icatDataFiles"),
  reschedule: z.string().min(1).default("rescheduleInvestigation"),
  archive: z.string().min(1).default("icatArchiveRestoreStatus"),
});

/**
 * SciCat: the gateway's `/api/v1/scicat` reads (caller's token) and the ingest service's mirror
 * (its own account). The mirror settings name ICAT values with `{investigation}` and
 * `{instrument}` placeholders; see the README's ICAT → SciCat table.
 */
const ScicatSchema = z.strictObject({
  url,
  /** Mirror into SciCat from the ingest service (needs a token or username/password). */
  mirror: z.boolean().default(true),
  token: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  /** The mirrored dataset's pid is `${pidPrefix}/icat-${ICAT dataset id}` (SciCat's PID_PREFIX). */
  pidPrefix: z.string().min(1).regex(/^[^/]+$/, "one path segment, without /").default("catkit"),
  ownerGroup: z.string().min(1).default("{investigation}"),
  accessGroups: z.array(z.string().min(1)).default(["{instrument}"]),
  /** SciCat requires a contact e-mail on every dataset; ICAT messages carry none. */
  contactEmail: z.email().optional(),
  owner: z.string().min(1).optional(),
  sourceFolderHost: z.string().min(1).optional(),
  /** hashlib name (blake2b, md5, sha256…): checksums in the orig datablock; none when unset. */
  checksumAlgorithm: z.string().min(1).optional(),
  /** Queue the mirror's work goes through (an outbox on the broker); DLQ = ingest.deadLetterPrefix + it. */
  queue: z.string().min(1).default("catkit.scicatMirror"),
  /** Attempts of a mirror write (SciCat down or refusing) before it is dead-lettered. */
  maxAttempts: positiveInt.default(5),
  /** First retry delay, ms; doubles each attempt up to 30 s. */
  backoffMs: positiveInt.default(1_000),
  /** Mirror messages applied at once (separate from ICAT's lanes, so SciCat never holds them). */
  concurrency: positiveInt.default(2),
  /** Files per orig datablock (SciCat bodies are limited to 16 MB). */
  filesPerBlock: positiveInt.default(2_000),
}).refine((s) => !(s.username !== undefined && s.password === undefined), { message: "a username needs a password", path: ["password"] });

/**
 * The whole configuration. See the README's "Configuration reference" for every key.
 *
 * @example
 * ```ts
 * const config = ServerConfigSchema.parse({ icat: { url: "https://icat.example.org/icat" } });
 * config.server.port; // 8080
 * ```
 */
export const ServerConfigSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).default("0.0.0.0"),
      port: z.int().min(0).max(65535).default(8080),
      /** Largest request body accepted (413 above it). */
      bodyLimitBytes: positiveInt.default(16 * 1024 * 1024),
      /** How long shutdown waits for in-flight work (downloads, messages) before exiting anyway. */
      shutdownTimeoutMs: positiveInt.default(30_000),
      trustProxy: z.boolean().default(false),
    })
    .prefault({}),
  log: z.strictObject({ level: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info") }).prefault({}),
  icat: z.strictObject({ url, ingester: LoginSchema.optional() }).optional(),
  ids: z.strictObject({ url }).optional(),
  scicat: ScicatSchema.optional(),
  gateway: z
    .strictObject({
      /** ICAT+ e-logbook / data-acquisition API keys (dataacquisition/{apiKey}/…). */
      apiKeys: z.array(z.string().min(8)).default([]),
      corsOrigins: z.array(z.string().min(1)).default([]),
      rateLimit: z.strictObject({ max: positiveInt.default(600), windowMs: positiveInt.default(60_000) }).prefault({}),
      /**
       * Who ICAT+ session answers call an administrator (isAdministrator): ICAT user names as ICAT
       * reports them ("db/root"), and members of these ICAT groupings (UserGroup rows).
       */
      administrators: z.strictObject({ userNames: z.array(z.string().min(1)).default([]), groups: z.array(z.string().min(1)).default([]) }).prefault({}),
      /** ICAT+ `POST /session` plugin → ICAT authenticator (pyicat-plus logs in with "esrf"). */
      loginPlugins: z.record(z.string(), z.string()).default({ esrf: "db" }),
      /** How long an investigation look-up is cached, ms (0: no cache). */
      cacheTtlMs: z.int().nonnegative().default(5_000),
      logbook: LogbookSchema.default({ store: "sqlite", path: "catkit-logbook.sqlite", imagesDir: "catkit-logbook-images", imageThresholdBytes: 64 * 1024, maxImageBytes: 10 * 1024 * 1024 }),
    })
    .prefault({}),
  ingest: z
    .strictObject({
      /** Brokers in failover order: host, host:port or tcp://host:port. */
      brokers: z.array(z.string().min(1)).min(1).default(["127.0.0.1:61613"]),
      login: z.string().optional(),
      passcode: z.string().optional(),
      queues: QueuesSchema.prefault({}),
      /** Messages the broker hands over before they are acknowledged, per queue. */
      prefetch: positiveInt.default(20),
      /** Messages applied at once (different datasets; one dataset's messages stay in order). */
      concurrency: positiveInt.default(4),
      /** Attempts for a message ICAT refuses (unknown investigation, bad parameter) before it is dead-lettered. */
      maxAttempts: positiveInt.default(3),
      /** First retry delay, ms; doubles each attempt up to 30 s. */
      backoffMs: positiveInt.default(500),
      /** Dead-letter queue name = prefix + queue. */
      deadLetterPrefix: z.string().min(1).default("DLQ."),
    })
    .prefault({}),
});

/**
 * A validated configuration.
 *
 * @example
 * ```ts
 * function port(config: ServerConfig): number { return config.server.port; }
 * ```
 */
export type ServerConfig = z.infer<typeof ServerConfigSchema>;
