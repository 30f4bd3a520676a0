// IcatPlusClient options from catkit's configuration: a section of catkit.cfg / icat.cfg (the
// files core's config searches) and CATKIT_ICATPLUS_* environment variables, environment first.
// Keys are pyicat-plus's keyword names (metadata_urls, elogbook_url, …); lists are
// comma-separated.
import { ConfigError, registerSecret } from "@catkit/core";
import { configCandidates, readIniFile, type ConfigSearch } from "@catkit/core/config";
import type { IcatPlusClientOptions } from "../client/icat-plus-client-options.js";

type Kind = "list" | "string" | "number";
const KEYS: Readonly<Record<string, [keyof IcatPlusClientOptions, Kind]>> = {
  metadata_urls: ["metadataUrls", "list"],
  metadata_queue: ["metadataQueue", "string"],
  metadata_queue_monitor_port: ["metadataQueueMonitorPort", "number"],
  elogbook_url: ["elogbookUrl", "string"],
  elogbook_token: ["elogbookToken", "string"],
  elogbook_timeout: ["elogbookTimeout", "number"],
  feedback_timeout: ["feedbackTimeout", "number"],
  queue_timeout: ["queueTimeout", "number"],
  beamline: ["beamline", "string"],
  proposal: ["proposal", "string"],
  update_metadata_urls: ["updateMetadataUrls", "list"],
  update_metadata_queue: ["updateMetadataQueue", "string"],
  add_files_urls: ["addFilesUrls", "list"],
  add_files_queue: ["addFilesQueue", "string"],
  reschedule_investigation_urls: ["rescheduleInvestigationUrls", "list"],
  reschedule_investigation_queue: ["rescheduleInvestigationQueue", "string"],
  icatplus_restricted_url: ["icatplusRestrictedUrl", "string"],
  icatplus_password: ["icatplusPassword", "string"],
  icat_session_id: ["icatSessionId", "string"],
  receipt_timeout: ["receiptTimeout", "number"],
  outbox_dir: ["outboxDir", "string"],
};
const SECRETS = new Set(["elogbook_token", "icatplus_password", "icat_session_id"]);

function parse(key: string, kind: Kind, raw: string, where: { file?: string; section?: string; key: string }): unknown {
  if (kind === "list") return raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (kind === "number") {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n) || n < 0) throw new ConfigError(`${key} must be a non-negative number; the value given is not one`, where);
    return n;
  }
  return raw;
}

/**
 * Reads IcatPlusClient options from `[section]` of catkit.cfg/icat.cfg (default section
 * $CATKIT_SECTION) and from `CATKIT_ICATPLUS_<KEY>` variables (e.g. CATKIT_ICATPLUS_METADATA_URLS).
 *
 * @throws {ConfigError} naming the file, section and key of a bad value.
 * @example
 * ```ts
 * const client = new IcatPlusClient({ ...loadIcatPlusOptions({ section: "id00" }), beamline: "id00" });
 * ```
 */
export function loadIcatPlusOptions(options: ConfigSearch & { section?: string } = {}): IcatPlusClientOptions {
  const env = options.env ?? process.env;
  const section = options.section ?? (env.CATKIT_SECTION || undefined);
  const result: Record<string, unknown> = {};
  if (section !== undefined) {
    for (const file of configCandidates(options).files) {
      const body = readIniFile(file)?.[section];
      for (const [key, raw] of Object.entries(body ?? {})) {
        const spec = KEYS[key];
        if (!spec) continue;
        if (SECRETS.has(key)) registerSecret(raw);
        result[spec[0]] = parse(key, spec[1], raw, { file, section, key });
      }
    }
  }
  for (const [key, [name, kind]] of Object.entries(KEYS)) {
    const envName = `CATKIT_ICATPLUS_${key.toUpperCase()}`;
    const raw = env[envName];
    if (raw === undefined || raw === "") continue;
    if (SECRETS.has(key)) registerSecret(raw);
    result[name] = parse(key, kind, raw, { key: `$${envName}` });
  }
  return result;
}
