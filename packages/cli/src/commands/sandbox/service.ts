// What `catkit sandbox` runs: a list of services, each started on loopback and described by its
// URLs, users and icat.cfg lines. ICAT+IDS is the first; the ICAT+ and SciCat sandboxes and the
// broker + ingester plug in here as more SandboxService entries once their packages land.

/** A running sandbox service. */
export interface RunningService {
  name: string;
  /** Label → URL. */
  urls: Record<string, string>;
  /** Lines for the README-like summary (users, passwords of the sandbox). */
  notes: string[];
  /** icat.cfg lines for section [sandbox], if the service has any. */
  icatCfg?: Record<string, string>;
  close(): Promise<void>;
}

/** A service `catkit sandbox` can start. */
export interface SandboxService {
  name: string;
  /** Started unless --without NAME. */
  start(options: { host: string; demo: boolean; log: (line: string) => void }): Promise<RunningService>;
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
