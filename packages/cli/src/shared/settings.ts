// Resolves ICAT/IDS settings for a command: python-icat's icat.cfg sections, ICAT_* variables and
// catkit.cfg through @catkit/core's loadConfig, with the global flags on top. The password comes
// only from the config file, $CATKIT_PASSWORD, --password-file or a prompt — never a flag.
import { readFile } from "node:fs/promises";
import { registerSecret } from "@catkit/core";
import { loadConfig, type CatkitSettings } from "@catkit/core/config";
import { UsageError } from "../runtime/exit-codes.js";
import type { GlobalOptions } from "../runtime/context.js";

/**
 * Settings for this run.
 *
 * @example
 * ```ts
 * const settings = await resolveSettings({ section: "sandbox" });
 * settings.url; // "http://127.0.0.1:40123/icat"
 * ```
 */
export async function resolveSettings(globals: GlobalOptions): Promise<CatkitSettings> {
  const { settings } = loadConfig({
    ...(globals.config === undefined ? {} : { configFile: globals.config }),
    ...(globals.section === undefined ? {} : { section: globals.section }),
    flags: { url: globals.url, idsUrl: globals.idsUrl, auth: globals.auth, username: globals.user },
  });
  if (globals.passwordFile !== undefined) {
    const text = await readFile(globals.passwordFile, "utf8").catch(() => {
      throw new UsageError(`cannot read --password-file ${globals.passwordFile}`);
    });
    settings.password = text.replace(/\r?\n$/, "");
  }
  registerSecret(settings.password);
  return settings;
}

/**
 * The ICAT URL, or a usage error telling how to give one.
 *
 * @example
 * ```ts
 * const url = requireUrl(settings.url, "ICAT", "-w URL, $ICAT_SERVICE or url in icat.cfg");
 * ```
 */
export function requireUrl(url: string | undefined, what: string, how: string): string {
  if (url === undefined || url === "") throw new UsageError(`no ${what} URL: give ${how}`);
  return url;
}
