// The IDS sandbox's catalogue, answered by the ICAT sandbox: what ids.server asks ICAT
// (DataSelection.resolveDatasetIds, IdsBean.put/registerDatafile/delete/getLink), run as the
// session's user through the engine, so ICAT's authorization, uniqueness and messages apply, and
// an IDS put creates the Datafile in this ICAT. Engine errors become CatalogueErrors of the same
// type; the IDS sandbox remaps them as ids.server does (icat-ids.md §3.5, §3.6).
import {
  CatalogueError,
  type CatalogueDatafile,
  type CatalogueDataset,
  type CatalogueSelection,
  type IdsCatalogue,
  type NewDatafile,
  type ResolvedSelection,
} from "@catkit/ids/testing";
import { formatIcatDate } from "../../model/index.js";
import { IcatEngineError, type IcatEngine } from "../engine/index.js";
import type { SessionStore } from "./session-store.js";

type Json = Record<string, unknown>;

async function asUser<T>(work: () => T): Promise<T> {
  await Promise.resolve();
  try {
    return work();
  } catch (err) {
    if (err instanceof IcatEngineError) throw new CatalogueError(err.code, err.message);
    throw err;
  }
}

const unwrap = (value: unknown, type: string): Json => (value as Record<string, Json>)[type] ?? {};

function toDataset(ds: Json): CatalogueDataset {
  const inv = (ds.investigation ?? {}) as Json;
  const facility = (inv.facility ?? {}) as Json;
  return {
    id: ds.id as number,
    name: ds.name as string,
    location: (ds.location as string | undefined) ?? null,
    investigation: {
      id: inv.id as number,
      name: inv.name as string,
      visitId: inv.visitId as string,
      facility: { id: facility.id as number, name: facility.name as string },
    },
  };
}

function toDatafile(df: Json, datasetId: number): Omit<CatalogueDatafile, "location"> & { location: string | null } {
  return {
    id: df.id as number,
    name: df.name as string,
    location: (df.location as string | undefined) ?? null,
    datasetId,
    fileSize: (df.fileSize as number | undefined) ?? null,
    checksum: (df.checksum as string | undefined) ?? null,
    createId: df.createId as string,
    modId: df.modId as string,
  };
}

/**
 * An {@link IdsCatalogue} on an ICAT sandbox's engine and sessions.
 *
 * @example
 * ```ts
 * const ids = await startIdsSandbox({ catalogue: new IcatCatalogue(engine, sessions) });
 * ```
 */
export class IcatCatalogue implements IdsCatalogue {
  readonly #engine: IcatEngine;
  readonly #sessions: SessionStore;
  /** The user IDS's `reader` account runs as when a call has no session. */
  readonly readerUserName: string;

  constructor(engine: IcatEngine, sessions: SessionStore, readerUserName?: string) {
    this.#engine = engine;
    this.#sessions = sessions;
    this.readerUserName = readerUserName ?? [...engine.rootUserNames][0] ?? "db/root";
  }

  #user(sessionId: string | undefined): string {
    return sessionId === undefined ? this.readerUserName : this.#sessions.userName(sessionId);
  }

  #dataset(user: string, id: number): CatalogueDataset {
    return toDataset(unwrap(this.#engine.get(user, "Dataset INCLUDE Investigation, Facility", id), "Dataset"));
  }

  #served(user: string, datasetId: number): CatalogueDatafile[] {
    const rows = this.#engine.search(user, `SELECT df FROM Datafile df WHERE df.dataset.id = ${datasetId} AND df.location IS NOT NULL ORDER BY df.id`);
    return rows.map((row) => toDatafile(unwrap(row, "Datafile"), datasetId) as CatalogueDatafile);
  }

  getUserName(sessionId: string): Promise<string> {
    return asUser(() => this.#sessions.userName(sessionId));
  }

  resolveSelection(sessionId: string | undefined, ids: CatalogueSelection): Promise<ResolvedSelection> {
    return asUser(() => {
      const datasets = new Map<number, CatalogueDataset>();
      const datafiles = new Map<number, CatalogueDatafile>();
      if (ids.datafileIds.length + ids.datasetIds.length + ids.investigationIds.length === 0) return { datasets: [], datafiles: [] };
      const user = this.#user(sessionId);
      for (const id of ids.datafileIds) {
        const df = unwrap(this.#engine.get(user, "Datafile df INCLUDE df.dataset.investigation.facility", id), "Datafile");
        const dataset = toDataset((df.dataset ?? {}) as Json);
        const datafile = toDatafile(df, dataset.id);
        // ids.server DataSelection: a datafile without a location is "not found".
        if (datafile.location === null) throw new IcatEngineError("NO_SUCH_OBJECT_FOUND", `Datafile ${id}`);
        datasets.set(dataset.id, dataset);
        datafiles.set(datafile.id, datafile as CatalogueDatafile);
      }
      const add = (dataset: CatalogueDataset) => {
        datasets.set(dataset.id, dataset);
        for (const df of this.#served(user, dataset.id)) datafiles.set(df.id, df);
      };
      for (const id of ids.datasetIds) add(this.#dataset(user, id));
      for (const id of ids.investigationIds) {
        const rows = this.#engine.search(user, `SELECT ds FROM Dataset ds WHERE ds.investigation.id = ${id} ORDER BY ds.id INCLUDE ds.investigation.facility`);
        for (const row of rows) add(toDataset(unwrap(row, "Dataset")));
      }
      return { datasets: [...datasets.values()], datafiles: [...datafiles.values()].sort((a, b) => a.id - b.id) };
    });
  }

  getDataset(sessionId: string, datasetId: number): Promise<CatalogueDataset> {
    return asUser(() => this.#dataset(this.#sessions.userName(sessionId), datasetId));
  }

  getDatafileFormat(sessionId: string, datafileFormatId: number): Promise<{ readonly id: number }> {
    return asUser(() => ({ id: unwrap(this.#engine.get(this.#sessions.userName(sessionId), "DatafileFormat", datafileFormatId), "DatafileFormat").id as number }));
  }

  createDatafile(sessionId: string, datafile: NewDatafile): Promise<number> {
    return asUser(() => {
      const user = this.#sessions.userName(sessionId);
      const { datafileFormatId, datafileCreateTime, datafileModTime, description, doi } = datafile;
      if (datafileFormatId !== undefined) {
        return this.#engine.registerDatafile(user, {
          name: datafile.name,
          datasetId: datafile.datasetId,
          datafileFormatId,
          location: datafile.location,
          fileSize: datafile.fileSize,
          checksum: datafile.checksum,
          ...(description === undefined ? {} : { description }),
          ...(doi === undefined ? {} : { doi }),
          ...(datafileCreateTime === undefined ? {} : { datafileCreateTime }),
          ...(datafileModTime === undefined ? {} : { datafileModTime }),
        });
      }
      // A datafile without a format (the IDS sandbox's addDatafile allows it): a plain write.
      const fields: Json = { name: datafile.name, dataset: { id: datafile.datasetId }, location: datafile.location, fileSize: datafile.fileSize, checksum: datafile.checksum };
      if (description !== undefined) fields.description = description;
      if (doi !== undefined) fields.doi = doi;
      if (datafileCreateTime !== undefined) fields.datafileCreateTime = formatIcatDate(datafileCreateTime);
      if (datafileModTime !== undefined) fields.datafileModTime = formatIcatDate(datafileModTime);
      const [id] = this.#engine.write(user, { Datafile: fields });
      return id as number;
    });
  }

  deleteDatafiles(sessionId: string, datafileIds: readonly number[]): Promise<void> {
    return asUser(() => {
      if (datafileIds.length > 0) this.#engine.delete(this.#sessions.userName(sessionId), datafileIds.map((id) => ({ Datafile: { id } })));
    });
  }

  getDatafile(sessionId: string, datafileId: number): ReturnType<IdsCatalogue["getDatafile"]> {
    return asUser(() => {
      const df = unwrap(this.#engine.get(this.#sessions.userName(sessionId), "Datafile df INCLUDE df.dataset.investigation.facility", datafileId), "Datafile");
      const dataset = toDataset((df.dataset ?? {}) as Json);
      return { ...toDatafile(df, dataset.id), dataset };
    });
  }
}
