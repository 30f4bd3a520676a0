// The default catalogue of the IDS sandbox: facilities, investigations, datasets, formats and
// datafiles in memory, sessions with a simple access model (memory-sessions.ts), and ICAT's
// messages for failures (icat.server EntityBeanManager). Enough to exercise every IDS path without
// an ICAT; the ICAT sandbox implements IdsCatalogue for the real thing.
import {
  CatalogueError,
  type CatalogueDatafile,
  type CatalogueDataset,
  type CatalogueSelection,
  type IdsCatalogue,
  type NewDatafile,
  type ResolvedSelection,
} from "./catalogue.js";
import { canRead, MemorySessions, type MemorySession, type MemorySessionOptions } from "./memory-sessions.js";

/**
 * A datafile as the in-memory catalogue keeps it.
 *
 * @example
 * ```ts
 * const df: MemoryDatafile | undefined = catalogue.datafile(12);
 * ```
 */
export interface MemoryDatafile extends Omit<CatalogueDatafile, "location"> {
  readonly location: string | null;
  readonly datafileFormatId?: number | undefined;
  readonly description?: string | undefined;
  readonly doi?: string | undefined;
  readonly datafileCreateTime?: Date | undefined;
  readonly datafileModTime?: Date | undefined;
}

type Investigation = CatalogueDataset["investigation"];

/**
 * An in-memory {@link IdsCatalogue} with seeding helpers.
 *
 * @example
 * ```ts
 * const catalogue = new InMemoryCatalogue();
 * const facility = catalogue.addFacility("ESNF");
 * const inv = catalogue.addInvestigation({ facilityId: facility.id, name: "12100409-ST", visitId: "1.1-P" });
 * const ds = catalogue.addDataset({ investigationId: inv.id, name: "greetings" });
 * const sessionId = catalogue.createSession("db/nbour");
 * ```
 */
export class InMemoryCatalogue implements IdsCatalogue {
  #nextId = 1;
  readonly #sessions = new MemorySessions();
  readonly #facilities = new Map<number, { id: number; name: string }>();
  readonly #investigations = new Map<number, Investigation>();
  readonly #datasets = new Map<number, CatalogueDataset>();
  readonly #formats = new Map<number, { id: number; name: string; version: string }>();
  readonly #datafiles = new Map<number, MemoryDatafile>();

  /** Opens a session for `userName` and returns its id (a lowercase UUID, as ICAT's). */
  createSession(userName = "db/root", options: MemorySessionOptions = {}): string {
    return this.#sessions.create(userName, options);
  }

  /** Makes a session expired, as after ICAT's lifetimeMinutes. */
  expireSession(sessionId: string): void {
    this.#sessions.expire(sessionId);
  }

  addFacility(name: string): { id: number; name: string } {
    const facility = { id: this.#nextId++, name };
    this.#facilities.set(facility.id, facility);
    return facility;
  }

  addInvestigation(init: { facilityId: number; name: string; visitId: string }): Investigation {
    const facility = this.#facilities.get(init.facilityId);
    if (!facility) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `Facility[id:${init.facilityId}] not found.`);
    const investigation = { id: this.#nextId++, name: init.name, visitId: init.visitId, facility };
    this.#investigations.set(investigation.id, investigation);
    return investigation;
  }

  addDataset(init: { investigationId: number; name: string; location?: string }): CatalogueDataset {
    const investigation = this.#investigations.get(init.investigationId);
    if (!investigation) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `Investigation[id:${init.investigationId}] not found.`);
    const dataset = { id: this.#nextId++, name: init.name, location: init.location ?? null, investigation };
    this.#datasets.set(dataset.id, dataset);
    return dataset;
  }

  addDatafileFormat(init: { name: string; version?: string }): { id: number; name: string; version: string } {
    const format = { id: this.#nextId++, name: init.name, version: init.version ?? "1" };
    this.#formats.set(format.id, format);
    return format;
  }

  /** Registers a datafile directly (no session), e.g. one written with `sandbox.storeFile`. */
  addDatafile(init: Omit<MemoryDatafile, "id" | "createId" | "modId"> & { createId?: string }): MemoryDatafile {
    if (!this.#datasets.has(init.datasetId)) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `Dataset[id:${init.datasetId}] not found.`);
    const clash = [...this.#datafiles.values()].find((d) => d.datasetId === init.datasetId && d.name === init.name);
    if (clash) throw new CatalogueError("OBJECT_ALREADY_EXISTS", `Datafile exists with name = '${init.name}', dataset = '${init.datasetId}'`);
    const createId = init.createId ?? "db/root";
    const datafile: MemoryDatafile = { ...init, id: this.#nextId++, createId, modId: createId };
    this.#datafiles.set(datafile.id, datafile);
    return datafile;
  }

  /** A datafile by id, as stored (for tests to inspect what IDS registered). */
  datafile(id: number): MemoryDatafile | undefined {
    return this.#datafiles.get(id);
  }

  /** Every datafile. */
  datafiles(): MemoryDatafile[] {
    return [...this.#datafiles.values()];
  }

  #readableDataset(session: MemorySession, id: number): CatalogueDataset {
    const dataset = this.#datasets.get(id);
    if (!dataset) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `Dataset[id:${id}] not found.`);
    if (!canRead(session, dataset)) throw new CatalogueError("INSUFFICIENT_PRIVILEGES", "Read access to this Dataset is not allowed.");
    return dataset;
  }

  #served(datasetId: number): CatalogueDatafile[] {
    return [...this.#datafiles.values()].filter((d): d is CatalogueDatafile => d.datasetId === datasetId && d.location !== null);
  }

  getUserName(sessionId: string): Promise<string> {
    return Promise.resolve().then(() => this.#sessions.get(sessionId).userName);
  }

  async resolveSelection(sessionId: string | undefined, ids: CatalogueSelection): Promise<ResolvedSelection> {
    await Promise.resolve();
    const datasets = new Map<number, CatalogueDataset>();
    const datafiles = new Map<number, CatalogueDatafile>();
    if (ids.datafileIds.length + ids.datasetIds.length + ids.investigationIds.length === 0) return { datasets: [], datafiles: [] };
    const session = this.#sessions.get(sessionId);
    for (const id of ids.datafileIds) {
      const df = this.#datafiles.get(id);
      if (!df) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `Datafile[id:${id}] not found.`);
      const dataset = this.#datasets.get(df.datasetId) as CatalogueDataset;
      if (!canRead(session, dataset)) throw new CatalogueError("INSUFFICIENT_PRIVILEGES", "Read access to this Datafile is not allowed.");
      // ids.server DataSelection: a datafile without location is "not found" (NotFoundException("Datafile " + id)).
      if (df.location === null) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `Datafile ${id}`);
      datasets.set(dataset.id, dataset);
      datafiles.set(df.id, df as CatalogueDatafile);
    }
    const addDataset = (dataset: CatalogueDataset) => {
      datasets.set(dataset.id, dataset);
      for (const df of this.#served(dataset.id)) datafiles.set(df.id, df);
    };
    for (const id of ids.datasetIds) addDataset(this.#readableDataset(session, id));
    for (const id of ids.investigationIds) {
      for (const dataset of this.#datasets.values()) if (dataset.investigation.id === id && canRead(session, dataset)) addDataset(dataset);
    }
    return { datasets: [...datasets.values()], datafiles: [...datafiles.values()].sort((a, b) => a.id - b.id) };
  }

  getDataset(sessionId: string, datasetId: number): Promise<CatalogueDataset> {
    return Promise.resolve().then(() => this.#readableDataset(this.#sessions.get(sessionId), datasetId));
  }

  getDatafileFormat(sessionId: string, datafileFormatId: number): Promise<{ readonly id: number }> {
    return Promise.resolve().then(() => {
      this.#sessions.get(sessionId);
      const format = this.#formats.get(datafileFormatId);
      if (!format) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `DatafileFormat[id:${datafileFormatId}] not found.`);
      return format;
    });
  }

  createDatafile(sessionId: string, datafile: NewDatafile): Promise<number> {
    return Promise.resolve().then(() => {
      const session = this.#sessions.get(sessionId);
      const dataset = this.#readableDataset(session, datafile.datasetId);
      if (!session.writable) throw new CatalogueError("INSUFFICIENT_PRIVILEGES", "Create access to this Datafile is not allowed.");
      return this.addDatafile({ ...datafile, datasetId: dataset.id, createId: session.userName }).id;
    });
  }

  deleteDatafiles(sessionId: string, datafileIds: readonly number[]): Promise<void> {
    return Promise.resolve().then(() => {
      const session = this.#sessions.get(sessionId);
      if (!session.writable) throw new CatalogueError("INSUFFICIENT_PRIVILEGES", "Delete access to this Datafile is not allowed.");
      for (const id of datafileIds) if (!this.#datafiles.has(id)) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `Datafile[id:${id}] not found.`);
      for (const id of datafileIds) this.#datafiles.delete(id);
    });
  }

  getDatafile(sessionId: string, datafileId: number): ReturnType<IdsCatalogue["getDatafile"]> {
    return Promise.resolve().then(() => {
      const session = this.#sessions.get(sessionId);
      const df = this.#datafiles.get(datafileId);
      if (!df) throw new CatalogueError("NO_SUCH_OBJECT_FOUND", `Datafile[id:${datafileId}] not found.`);
      return { ...df, dataset: this.#readableDataset(session, df.datasetId) };
    });
  }
}
