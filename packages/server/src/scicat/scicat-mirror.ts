// Writes one ICAT dataset into SciCat: the raw dataset (ICAT_TO_SCICAT), then orig datablocks
// for the files found under its location. Idempotent, so a redelivered mirror message (or two
// instances racing on one) changes nothing: the pid is deterministic, an existing dataset is
// left as it is (409 Conflict from a racing create counts as existing), and only files no orig
// datablock of the dataset lists yet are added — which also completes a mirror that stopped
// between the dataset and its blocks.
import { ScicatConflictError, ScicatNotFoundError, v3Filter, type ScicatApi } from "@catkit/scicat";
import { mirrorPid, toDataFile, toScicatDataset, type MirrorSettings } from "./icat-to-scicat.js";
import type { IcatDatasetRecord } from "./mirror-record.js";
import { scanFiles } from "./scan-files.js";

/**
 * What mirroring one dataset did: `created` it, found it complete (`exists`), or found it and
 * added missing files (`completed`).
 *
 * @example
 * ```ts
 * const outcome: MirrorOutcome = await mirror.apply(record);
 * ```
 */
export type MirrorOutcome = "created" | "exists" | "completed";

const PAGE = 500;

/**
 * The SciCat side of the mirror.
 *
 * @example
 * ```ts
 * const mirror = new ScicatMirror(() => client.then((c) => c.scicat), { ...settings, filesPerBlock: 2000 });
 * await mirror.apply(record);
 * ```
 */
export class ScicatMirror {
  readonly #api: () => Promise<ScicatApi>;
  readonly #s: MirrorSettings & { filesPerBlock: number };
  readonly #now: () => Date;

  constructor(api: () => Promise<ScicatApi>, settings: MirrorSettings & { filesPerBlock: number }, now: () => Date = () => new Date()) {
    this.#api = api;
    this.#s = settings;
    this.#now = now;
  }

  /** Mirrors one dataset. @throws the SciCat client's errors (the caller retries and dead-letters). */
  async apply(r: IcatDatasetRecord): Promise<MirrorOutcome> {
    const api = await this.#api();
    const pid = mirrorPid(this.#s.pidPrefix, r.datasetId);
    let created = false;
    if (!(await exists(api, pid))) {
      try {
        await api.datasets.create(toScicatDataset(r, this.#s, this.#now()));
        created = true;
      } catch (err) {
        if (!(err instanceof ScicatConflictError)) throw err;
      }
    }
    const known = created ? new Set<string>() : await registeredPaths(api, pid);
    const added = await this.#addBlocks(api, pid, r.location, known);
    return created ? "created" : added > 0 ? "completed" : "exists";
  }

  /** Posts the files not in `known`, `filesPerBlock` at a time; returns how many were added. */
  async #addBlocks(api: ScicatApi, datasetId: string, location: string, known: ReadonlySet<string>): Promise<number> {
    const alg = this.#s.checksumAlgorithm;
    let batch: Record<string, unknown>[] = [];
    let size = 0;
    let added = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await api.origDatablocks.create({ datasetId, size, dataFileList: batch, ...(alg === undefined ? {} : { chkAlg: alg }) });
      added += batch.length;
      batch = [];
      size = 0;
    };
    for await (const f of scanFiles(location, alg)) {
      if (known.has(f.path)) continue;
      batch.push(toDataFile(f));
      size += f.size;
      if (batch.length >= this.#s.filesPerBlock) await flush();
    }
    await flush();
    return added;
  }
}

async function exists(api: ScicatApi, pid: string): Promise<boolean> {
  try {
    await api.datasets.get(pid);
    return true;
  } catch (err) {
    if (err instanceof ScicatNotFoundError) return false;
    throw err;
  }
}

/** The file paths the dataset's orig datablocks already list. */
async function registeredPaths(api: ScicatApi, datasetId: string): Promise<Set<string>> {
  const paths = new Set<string>();
  for (let skip = 0; ; skip += PAGE) {
    const blocks = await api.origDatablocks.find(v3Filter({ where: { datasetId }, limit: PAGE, skip }));
    for (const b of blocks) for (const f of (b.dataFileList as { path?: unknown }[] | undefined) ?? []) if (typeof f.path === "string") paths.add(f.path);
    if (blocks.length < PAGE) return paths;
  }
}
