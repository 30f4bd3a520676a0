// --register / --auto-register (reference §4.3 step 5): per status group, ask (or, with
// --auto-register, only for the "safe" group registered_without_files, without asking), then send
// in directory ctime order with 0.1 s between sends ("do not overload ICAT"):
//   not_uploaded → the __icat__ XML, bytes unchanged; unregistered → a dataset message with the
//   HDF5 metadata and investigationId; registered_without_files → add_files(datasetId).
import { setTimeout as sleep } from "node:timers/promises";
import type { Confirm } from "../../shared/confirm.js";
import { describeOutcome, openMessenger, type DatasetMessenger, type SendOutcome } from "../../shared/dataset-messenger.js";
import type { DatasetRecord, DatasetStatus, SessionRecord } from "./model.js";

/** How to register. */
export interface RegisterOptions {
  mode: "register" | "auto";
  queues: readonly string[];
  confirm: Confirm;
  log: (line: string) => void;
  signal: AbortSignal;
}

const GROUPS: readonly DatasetStatus[] = ["not_uploaded", "unregistered", "registered_without_files"];
const SAFE: ReadonlySet<DatasetStatus> = new Set(["registered_without_files"]);

async function send(messenger: DatasetMessenger, session: SessionRecord, d: DatasetRecord): Promise<SendOutcome | undefined> {
  if (d.status === "not_uploaded" && d.xmlFile) return messenger.storeDatasetFromFile(d.xmlFile);
  if (d.status === "unregistered" && d.metadata && d.name)
    return messenger.storeDataset({ beamline: session.beamline, proposal: session.proposal, dataset: d.name, path: d.path, metadata: Object.entries(d.metadata) });
  if (d.status === "registered_without_files" && d.icatDatasetId !== undefined) return messenger.addFiles(d.icatDatasetId);
  return undefined;
}

/**
 * Runs the registration of one session; returns how many messages were sent.
 *
 * @example
 * ```ts
 * const sent = await registerSession(record, { mode: "auto", queues: [], confirm: async () => false, log: console.error, signal });
 * ```
 */
export async function registerSession(session: SessionRecord, options: RegisterOptions): Promise<number> {
  let messenger: DatasetMessenger | undefined;
  let sent = 0;
  try {
    for (const status of GROUPS) {
      if (options.mode === "auto" && !SAFE.has(status)) continue;
      const group = session.datasets.filter((d) => d.status === status).sort((a, b) => (a.ctimeMs ?? 0) - (b.ctimeMs ?? 0));
      if (group.length === 0) continue;
      if (options.mode === "register") {
        const where = session.investigation?.searchUrl ? ` (see ${session.investigation.searchUrl})` : "";
        options.log(`${session.path}: ${group.length} "${status}" datasets${where}`);
        if (!(await options.confirm(`Upload "${status}" datasets? (y/[n])`))) continue;
      }
      messenger ??= await openMessenger({ queues: options.queues });
      for (const d of group) {
        options.signal.throwIfAborted();
        if (sent > 0) await sleep(100);
        const result = await send(messenger, session, d);
        if (result === undefined) continue;
        sent += 1;
        options.log(`${status} ${d.path}: ${describeOutcome(result)}`);
      }
    }
  } finally {
    await messenger?.close();
  }
  return sent;
}
