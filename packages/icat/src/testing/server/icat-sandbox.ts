// startIcatSandbox(): a real HTTP server speaking icat.server's REST API under /icat, on core's
// sandbox scaffolding (port 0, fault injection, request log), with the in-memory IcatEngine
// behind it, seeded from a fixture object or a fixture JSON file.
import { readFile } from "node:fs/promises";
import { startSandboxServer, type FaultInjector, type RecordedRequest, type SandboxServerOptions } from "@catkit/core/testing";
import { FixtureError, IcatEngine, type AuthorizationPolicy, type IcatFixture } from "../engine/index.js";
import { DEFAULT_AUTHENTICATORS, type SandboxAuthenticator } from "./authenticators.js";
import { IcatCatalogue } from "./icat-catalogue.js";
import { createIcatHandler } from "./icat-router.js";
import { SessionStore } from "./session-store.js";

/**
 * Options of {@link startIcatSandbox}; each mirrors an icat.server setting where one exists.
 *
 * @example
 * ```ts
 * const options: IcatSandboxOptions = { fixture: tutorialFixture, maxEntities: 1000, lifetimeMinutes: 0.5 };
 * ```
 */
export interface IcatSandboxOptions extends SandboxServerOptions {
  /** Seed data: a fixture object (e.g. `tutorialFixture`) or the path of a fixture JSON file. Default: empty. */
  fixture?: IcatFixture | string;
  /** Bring your own engine (then fixture, maxEntities, rootUserNames and policy are its business). */
  engine?: IcatEngine;
  /** run.properties `maxEntities` (default 10000). */
  maxEntities?: number;
  /** run.properties `lifetimeMinutes` (default 120; fractions allowed, for tests). */
  lifetimeMinutes?: number;
  /** run.properties `rootUserNames` (default ["db/root"]). */
  rootUserNames?: readonly string[];
  /** Authorization rules (default: the engine's default policy). */
  policy?: AuthorizationPolicy;
  /** The authenticators (default {@link DEFAULT_AUTHENTICATORS}: "db" with the tutorial users, password "secret"). */
  authenticators?: readonly SandboxAuthenticator[];
  /** What `version` answers (default "6.2.0", the newest icat.server release). */
  version?: string;
  /** The clock for sessions and for createTime/modTime. */
  clock?: () => Date;
  /** Path the API is served under (default "/icat"). */
  basePath?: string;
}

/**
 * A running ICAT sandbox.
 *
 * @example
 * ```ts
 * const sandbox: IcatSandbox = await startIcatSandbox({ fixture: tutorialFixture });
 * sandbox.sessions.expire(sandbox.login("db/nbour")); // an expired session, for a test
 * ```
 */
export interface IcatSandbox {
  /** The ICAT base URL, e.g. "http://127.0.0.1:40123/icat". */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** Core's fault injector: delay, drop connections, answer 503… */
  readonly faults: FaultInjector;
  readonly requests: readonly RecordedRequest[];
  /** The data behind the server: search and write it directly in tests. */
  readonly engine: IcatEngine;
  readonly sessions: SessionStore;
  /** Opens a session for a user without an authenticator (default "db/root"); returns its id. */
  login(userName?: string): string;
  /** The catalogue the IDS sandbox asks (see startIcatAndIdsSandbox). */
  idsCatalogue(): IcatCatalogue;
  close(): Promise<void>;
}

/**
 * Reads a fixture JSON file (the {@link IcatFixture} format).
 *
 * @throws {FixtureError} when the file cannot be read or is not JSON.
 * @example
 * ```ts
 * const fixture = await readFixtureFile("test/fixtures/facility.json");
 * ```
 */
export async function readFixtureFile(path: string): Promise<IcatFixture> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new FixtureError(path, `cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return JSON.parse(text) as IcatFixture;
  } catch (e) {
    throw new FixtureError(path, `is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Starts an ICAT sandbox server.
 *
 * @example
 * ```ts
 * const sandbox = await startIcatSandbox({ fixture: tutorialFixture });
 * const icat = new IcatClient({ url: sandbox.url });
 * await icat.login("db", { username: "nbour", password: "secret" });
 * await sandbox.close();
 * ```
 */
export async function startIcatSandbox(options: IcatSandboxOptions = {}): Promise<IcatSandbox> {
  const fixture = typeof options.fixture === "string" ? await readFixtureFile(options.fixture) : options.fixture;
  const clock = options.clock;
  const engine =
    options.engine ??
    new IcatEngine({
      ...(options.maxEntities === undefined ? {} : { maxEntities: options.maxEntities }),
      ...(options.rootUserNames === undefined ? {} : { rootUserNames: options.rootUserNames }),
      ...(options.policy === undefined ? {} : { policy: options.policy }),
      ...(clock === undefined ? {} : { clock }),
      ...(fixture === undefined ? {} : { fixture }),
    });
  const sessions = new SessionStore({
    ...(options.lifetimeMinutes === undefined ? {} : { lifetimeMinutes: options.lifetimeMinutes }),
    ...(clock === undefined ? {} : { now: () => clock().getTime() }),
  });
  const basePath = options.basePath ?? "/icat";
  const state = {
    engine,
    sessions,
    authenticators: options.authenticators ?? DEFAULT_AUTHENTICATORS,
    version: options.version ?? "6.2.0",
    containerType: "Glassfish",
  };
  const server = await startSandboxServer(createIcatHandler(state, basePath), {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  // icat.server purges expired sessions every hour (SessionManager @Schedule(hour="*")).
  const purge = setInterval(() => sessions.purgeExpired(), 3_600_000);
  purge.unref();
  let catalogue: IcatCatalogue | undefined;
  return {
    url: `${server.origin}${basePath}`,
    origin: server.origin,
    port: server.port,
    faults: server.faults,
    requests: server.requests,
    engine,
    sessions,
    login: (userName = [...engine.rootUserNames][0] ?? "db/root") => sessions.login(userName),
    idsCatalogue: () => (catalogue ??= new IcatCatalogue(engine, sessions)),
    async close() {
      clearInterval(purge);
      await server.close();
    },
  };
}
