// python-icat's `config.getconfig()` + `client.login()` in one call: an icat.cfg section (or
// catkit.cfg, ICAT_* / CATKIT_* variables, flags) becomes a logged-in IcatClient with its IDS
// client. Settings are read by core's loadConfig (python-icat's file locations and keys); the
// password comes from the configuration or, as python-icat's promptPass, from a prompt hook.
// The config code is loaded on the first call (a dynamic import), so that `@catkit/icat` alone never
// loads `@catkit/core/config` (issue 8 §3).
import { ConfigError, type UndiciTransportOptions } from "@catkit/core";
import type { CatkitSettings, LoadConfigOptions } from "@catkit/core/config";
import { IcatClient } from "../icat-client.js";
import type { CallOptions } from "../operations/icat-context.js";

/**
 * Where the settings come from, and how to ask for a password that is not configured.
 *
 * @example
 * ```ts
 * const options: IcatFromConfigOptions = { section: "myicat_nbour", configFile: "/etc/icat/icat.cfg", promptPassword: async () => "secret" };
 * ```
 */
export interface IcatFromConfigOptions extends LoadConfigOptions, CallOptions {
  /** Asks for the password (python-icat promptPass, or no password configured); never logged. */
  promptPassword?: (prompt: string) => Promise<string>;
  /** Extra transport options (timeouts, client certificates); checkCert and proxies come from the settings. */
  transportOptions?: UndiciTransportOptions;
}

function transportFrom(settings: CatkitSettings, extra: UndiciTransportOptions | undefined): UndiciTransportOptions {
  const proxy = settings.httpsProxy ?? settings.httpProxy;
  return {
    ...extra,
    tls: { ...extra?.tls, rejectUnauthorized: settings.checkCert },
    ...(proxy === undefined ? {} : { proxy: { uri: proxy } }),
  };
}

/**
 * A logged-in ICAT client (with `icat.ids` when `idsurl` is set) from configuration: python-icat's
 * `client, conf = icat.config.Config().getconfig(); client.login(conf.auth, conf.credentials)`.
 * Without `auth` in the settings the client is returned not logged in (python-icat's
 * `needlogin=False`).
 *
 * @throws {ConfigError} when the section, the URL or a needed password is missing (nothing is sent).
 * @example
 * ```ts
 * const icat = await icatFromConfig({ section: "myicat_nbour", promptPassword: async (p) => ask(p) });
 * console.log(await icat.getUserName());
 * ```
 */
export async function icatFromConfig(options: IcatFromConfigOptions = {}): Promise<IcatClient> {
  const { promptPassword, transportOptions, signal, ...search } = options;
  const { loadConfig } = await import("@catkit/core/config");
  const { settings, section } = loadConfig(search);
  const where = section === undefined ? {} : { section };
  if (settings.url === undefined) {
    throw new ConfigError("no ICAT URL: set url in the section, or CATKIT_ICAT_URL / ICAT_SERVICE", { ...where, key: "url" });
  }
  const icat = new IcatClient({
    url: settings.url,
    ...(settings.idsUrl === undefined ? {} : { idsUrl: settings.idsUrl }),
    transportOptions: transportFrom(settings, transportOptions),
  });
  if (settings.auth === undefined) return icat;
  if (settings.username === undefined) {
    await icat.close();
    throw new ConfigError(`auth is ${settings.auth} but no username is set`, { ...where, key: "username" });
  }
  let password = settings.promptPass ? undefined : settings.password;
  if (password === undefined && promptPassword !== undefined) password = await promptPassword(`Password for ${settings.username} at ${settings.url}: `);
  if (password === undefined) {
    await icat.close();
    throw new ConfigError("no password: set password in the section or CATKIT_PASSWORD, or give a promptPassword hook", { ...where, key: "password" });
  }
  try {
    await icat.login(settings.auth, { username: settings.username, password }, signal === undefined ? {} : { signal });
  } catch (err) {
    await icat.close();
    throw err;
  }
  return icat;
}
