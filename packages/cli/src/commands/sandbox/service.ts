// What `catkit sandbox` runs: a list of services started in order on loopback, each described by
// its URLs, users, icat.cfg lines and environment exports. Later services use what earlier ones
// left in `shared` (ICAT+ reads the ICAT sandbox; the ingester consumes the broker).
/** What a started service leaves for the next ones. */
export interface SharedHandles {
  /**
   * The ICAT sandbox: its URL, a root session, and the sandbox object itself (an `IcatSandbox` of
   * `@catkit/icat/testing`, typed loosely here so that this module never names testing code).
   */
  icat?: { url: string; rootSession: () => string; sandbox: object };
  /** STOMP brokers (host:port) when --broker started one. */
  brokers?: string[];
}

/** A running sandbox service. */
export interface RunningService {
  name: string;
  /** Label → URL. */
  urls: Record<string, string>;
  /** Lines for the README-like summary (users, passwords of the sandbox). */
  notes: string[];
  /** icat.cfg lines for section [sandbox], if the service has any. */
  icatCfg?: Record<string, string>;
  /** Environment variables that point catkit's commands at it. */
  env?: Record<string, string>;
  close(): Promise<void>;
}

/** A service `catkit sandbox` can start. */
export interface SandboxService {
  name: string;
  start(options: { host: string; demo: boolean; log: (line: string) => void; shared: SharedHandles; signal: AbortSignal }): Promise<RunningService>;
}

/**
 * Renders the ready-to-use icat.cfg of the running services.
 *
 * @example
 * ```ts
 * icatCfg([{ name: "icat", urls: {}, notes: [], icatCfg: { url: "http://127.0.0.1:1/icat" }, close: async () => {} }]);
 * // "[sandbox]\nurl = http://127.0.0.1:1/icat\n"
 * ```
 */
export function icatCfg(services: readonly RunningService[]): string {
  const lines = services.flatMap((s) => Object.entries(s.icatCfg ?? {}).map(([k, v]) => `${k} = ${v}`));
  return `[sandbox]\n${lines.join("\n")}\n`;
}
