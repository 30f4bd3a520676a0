// ids.server answers every data call only after asking ICAT (DataSelection: a search and a get
// per datafile, counts per dataset), so each request pays ICAT's latency. The in-memory
// catalogue answers in microseconds; this wrapper adds a configurable wait before each catalogue
// call, to study clients (parallel downloads, restore polling) under realistic latency.
import type { IdsCatalogue } from "./catalogue.js";

const wait = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * A catalogue that waits `latencyMs()` before each call to `catalogue`.
 *
 * @example
 * ```ts
 * let latency = 10;
 * const slow = withCatalogueLatency(new InMemoryCatalogue(), () => latency);
 * ```
 */
export function withCatalogueLatency(catalogue: IdsCatalogue, latencyMs: () => number): IdsCatalogue {
  return {
    getUserName: async (sessionId) => (await wait(latencyMs()), catalogue.getUserName(sessionId)),
    resolveSelection: async (sessionId, ids) => (await wait(latencyMs()), catalogue.resolveSelection(sessionId, ids)),
    getDataset: async (sessionId, id) => (await wait(latencyMs()), catalogue.getDataset(sessionId, id)),
    getDatafileFormat: async (sessionId, id) => (await wait(latencyMs()), catalogue.getDatafileFormat(sessionId, id)),
    createDatafile: async (sessionId, datafile) => (await wait(latencyMs()), catalogue.createDatafile(sessionId, datafile)),
    deleteDatafiles: async (sessionId, ids) => (await wait(latencyMs()), catalogue.deleteDatafiles(sessionId, ids)),
    getDatafile: async (sessionId, id) => (await wait(latencyMs()), catalogue.getDatafile(sessionId, id)),
  };
}
