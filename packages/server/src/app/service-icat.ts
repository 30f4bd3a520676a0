// The server's own ICAT session (config icat.ingester): the ingest service writes with it, and the
// gateway's API-key routes (ICAT+'s dataacquisition/{apiKey}/…) read with it. Logged in lazily
// and again after a failure, so ICAT may be down when the server starts.
import { ConfigError } from "@catkit/core";
import { IcatClient } from "@catkit/icat";
import type { ServerConfig } from "../config/server-config.js";

/**
 * A service ICAT client and a function that resolves once it is logged in.
 *
 * @example
 * ```ts
 * const service = serviceIcat(config);
 * await service.ready();
 * await service.icat.search(query);
 * ```
 */
export interface ServiceIcat {
  readonly icat: IcatClient;
  ready(): Promise<void>;
}

/**
 * Creates the service ICAT client.
 *
 * @throws {ConfigError} when icat.url or icat.ingester is missing.
 * @example
 * ```ts
 * const { icat, ready } = serviceIcat(config, "the ingest service");
 * ```
 */
export function serviceIcat(config: ServerConfig, who: string): ServiceIcat {
  const login = config.icat?.ingester;
  if (!config.icat || !login) throw new ConfigError(`${who} needs an ICAT service account: set icat.url and icat.ingester (plugin, username, password)`, { key: "icat.ingester" });
  const icat = new IcatClient({ url: config.icat.url });
  let done: Promise<void> | undefined;
  return {
    icat,
    ready: () => (done ??= icat.login(login.plugin, { username: login.username, password: login.password }).then(
      () => undefined,
      (err: unknown) => {
        done = undefined;
        throw err;
      },
    )),
  };
}
