// icat-sync-raw (pyicat-plus apps/sync_raw.py, reference §4.3): compare the raw data on disk with
// ICAT (asked through ICAT+, as pyicat-plus does), print a summary, optionally register what is missing, keep a cache and write the CSV and
// .sh outputs. Dry run unless --register or --auto-register.
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { icatPlusClient } from "../../shared/icat-plus-client.js";
import { buildSession } from "./build-session.js";
import type { RawDataCatalogue } from "./catalogue.js";
import { icatPlusRawDataCatalogue } from "./icat-plus-catalogue.js";
import { parseFormat } from "./layout.js";
import type { SessionRecord } from "./model.js";
import { confirmer, type Confirm } from "../../shared/confirm.js";
import { registerSession } from "./register.js";
import { findSessionDirs } from "./scan.js";
import { dropSession, loadCache, saveSession, staleReason } from "./session-cache.js";
import { categoryOf, statusCounts, timeslotLabel, writeSummary } from "./summary.js";

/** Flags of icat-sync-raw. */
export interface SyncRawFlags {
  beamline: string;
  proposal: string;
  session: string;
  format: string;
  root: string;
  saveDir?: string;
  cacheDir?: string;
  register?: boolean;
  autoRegister?: boolean;
  invalidateCache?: boolean;
  print: boolean;
  queue?: string[];
  icatPlusUrl?: string;
  tokenFile?: string;
}

const PART = /^[\w*?[\]-]+$/;

function checkFlags(flags: SyncRawFlags) {
  const format = parseFormat(flags.format);
  if (!/^(\*|[\d*?[\]]+)$/.test(flags.session) || (/^\d+$/.test(flags.session) && flags.session.length !== 8)) {
    throw new UsageError(`--session must be YYYYMMDD (or a glob of digits), got ${JSON.stringify(flags.session)}`);
  }
  for (const [flag, value] of [["--beamline", flags.beamline], ["--proposal", flags.proposal]] as const) {
    if (!PART.test(value)) throw new UsageError(`${flag} must be a name or glob without "/", got ${JSON.stringify(value)}`);
  }
  if (flags.register && flags.autoRegister) throw new UsageError("give --register or --auto-register, not both");
  return { format, beamline: flags.beamline.toLowerCase(), proposal: flags.proposal.toLowerCase() };
}

/**
 * `icat-sync-raw`.
 *
 * @example
 * ```ts
 * await syncRaw(ctx, { beamline: "id27", proposal: "blc14904", session: "20230829", format: "esrfv3", root: "/data/visitor", print: true });
 * ```
 */
export default async function syncRaw(ctx: CommandContext, flags: SyncRawFlags): Promise<void> {
  await runSyncRaw(ctx, flags, {});
}

/** What icat-sync-raw talks to; defaults: ICAT+ from the configuration, and a terminal prompt. */
export interface SyncRawDeps {
  catalogue?: RawDataCatalogue;
  confirm?: Confirm;
}

/**
 * icat-sync-raw with its catalogue and prompt given (embedding, tests).
 *
 * @example
 * ```ts
 * await runSyncRaw(ctx, flags, { catalogue, confirm: async () => true });
 * ```
 */
export async function runSyncRaw(ctx: CommandContext, flags: SyncRawFlags, deps: SyncRawDeps): Promise<void> {
  const { format, beamline, proposal } = checkFlags(flags);
  const catalogue = deps.catalogue ?? icatPlusRawDataCatalogue(await icatPlusClient(ctx.globals, flags));
  const log = (line: string) => ctx.out.log(line);
  const records: SessionRecord[] = [];
  try {
    const cache = flags.cacheDir ? await loadCache(flags.cacheDir, format, log) : new Map<string, SessionRecord>();
    if (flags.cacheDir && flags.invalidateCache) {
      for (const [path, record] of cache) {
        const why = await staleReason(record);
        if (why === undefined) continue;
        log(`cache: ${path} ${why}; dropped`);
        cache.delete(path);
        await dropSession(flags.cacheDir, record);
      }
    }
    const dirs = await findSessionDirs({ root: flags.root, beamline, proposal, session: flags.session });
    const confirm = flags.register ? (deps.confirm ?? (await confirmer(ctx.signal))) : undefined;
    for (const dir of dirs) {
      ctx.signal.throwIfAborted();
      const record = cache.get(dir) ?? (await buildSession(dir, format, catalogue));
      if (!record) continue;
      records.push(record);
      if (flags.print) {
        const c = statusCounts(record);
        log(`${record.path}: ${record.investigation ? `investigation ${record.investigation.id} ${timeslotLabel(record, Date.now())}` : "no investigation in ICAT"}; ${Object.entries(c).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`).join(", ") || "no datasets"}`);
        for (const d of record.datasets.filter((x) => x.status !== "registered")) log(`  ${d.status.padEnd(24)} ${d.path}${d.reason ? `  (${d.reason})` : ""}`);
      }
      let sent = 0;
      if (flags.register || flags.autoRegister) {
        sent = await registerSession(record, { mode: flags.register ? "register" : "auto", queues: flags.queue ?? [], confirm: confirm ?? (() => Promise.resolve(false)), log, signal: ctx.signal });
      }
      if (flags.cacheDir) {
        if (sent > 0) await dropSession(flags.cacheDir, record);
        else await saveSession(flags.cacheDir, record);
      }
    }
  } finally {
    await catalogue.close();
  }
  const now = Date.now();
  ctx.out.table(
    records.map((r) => ({ beamline: r.beamline, proposal: r.proposal, session: r.session, category: categoryOf(r, now), ...statusCounts(r), path: r.path })),
    [{ key: "beamline" }, { key: "proposal" }, { key: "session" }, { key: "category" }, { key: "registered" }, { key: "unregistered" }, { key: "not_uploaded" }, { key: "registered_without_files", header: "NO_FILES" }, { key: "invalid" }, { key: "path" }],
  );
  if (flags.saveDir) {
    const todo = await writeSummary({ saveDir: flags.saveDir, cacheDir: flags.cacheDir, root: flags.root }, format, records, now);
    log(`To fix issues run ${todo}`);
  }
}
