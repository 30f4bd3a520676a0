// An IcatPlusClient for the `catkit icat-plus` commands and icat-sync-raw's look-ups: options
// from catkit's configuration (icat.cfg/catkit.cfg section -s, CATKIT_ICATPLUS_* variables) with
// the command's flags on top. The e-logbook token (a secret) comes from --token-file,
// $CATKIT_ICATPLUS_ELOGBOOK_TOKEN or the config file — never from a flag.
import { readFile } from "node:fs/promises";
import { registerSecret } from "@catkit/core";
import { ICATPLUS_DEFAULTS, IcatPlusClient } from "@catkit/icat-plus";
import { loadIcatPlusOptions } from "@catkit/icat-plus/config";
import type { GlobalOptions } from "../runtime/context.js";
import { UsageError } from "../runtime/exit-codes.js";

/** Flags of the ICAT+ commands. */
export interface IcatPlusFlags {
  /** ICAT+ base URL (pyicat-plus elogbook_url). */
  icatPlusUrl?: string;
  /** File holding the e-logbook token (pyicat-plus elogbook_token). */
  tokenFile?: string;
  /** Brokers for messages (outbox flush); default pyicat-plus's. */
  queue?: string[];
}

/**
 * Builds the client; a usage error when no ICAT+ URL is configured and `needUrl`.
 *
 * @example
 * ```ts
 * const client = await icatPlusClient(ctx.globals, { icatPlusUrl: "http://127.0.0.1:8000" });
 * try { await client.investigationInfo("id00", "id002207"); } finally { await client.close(); }
 * ```
 */
export async function icatPlusClient(globals: GlobalOptions, flags: IcatPlusFlags, needUrl = true): Promise<IcatPlusClient> {
  const options = loadIcatPlusOptions({
    ...(globals.config === undefined ? {} : { configFile: globals.config }),
    ...(globals.section === undefined ? {} : { section: globals.section }),
  });
  if (flags.icatPlusUrl !== undefined) options.elogbookUrl = flags.icatPlusUrl;
  if (flags.tokenFile !== undefined) {
    const text = await readFile(flags.tokenFile, "utf8").catch(() => {
      throw new UsageError(`cannot read --token-file ${flags.tokenFile}`);
    });
    options.elogbookToken = text.trim();
    registerSecret(options.elogbookToken);
  }
  if (needUrl && !options.elogbookUrl) throw new UsageError("no ICAT+ URL: give --icat-plus-url URL, $CATKIT_ICATPLUS_ELOGBOOK_URL, or elogbook_url in catkit.cfg (with -s SECTION)");
  const brokers = flags.queue !== undefined && flags.queue.length > 0 ? flags.queue : (options.metadataUrls ?? ICATPLUS_DEFAULTS.brokers);
  return new IcatPlusClient({ ...options, metadataUrls: brokers, addFilesUrls: options.addFilesUrls ?? brokers });
}
