// The example content of python-icat's IDS tutorial (facility ESNF, investigation 12100409-ST
// with visit 1.1-P, dataset "greetings", format "Text"), for quick starts, demos and tests.
import type { CatalogueDataset } from "./catalogue.js";
import type { InMemoryCatalogue } from "./memory-catalogue.js";

/**
 * What {@link seedTutorial} created.
 *
 * @example
 * ```ts
 * const { dataset, datafileFormat, sessionId } = seedTutorial(sandbox.catalogue);
 * ```
 */
export interface TutorialSeed {
  facility: { id: number; name: string };
  investigation: CatalogueDataset["investigation"];
  dataset: CatalogueDataset;
  datafileFormat: { id: number; name: string; version: string };
  /** A session of "db/nbour", the tutorial's user. */
  sessionId: string;
}

/**
 * Creates the tutorial's facility, investigation, dataset, datafile format and user session.
 *
 * @example
 * ```ts
 * const sandbox = await startIdsSandbox();
 * const { dataset, datafileFormat, sessionId } = seedTutorial(sandbox.catalogue);
 * ```
 */
export function seedTutorial(catalogue: InMemoryCatalogue): TutorialSeed {
  const facility = catalogue.addFacility("ESNF");
  const investigation = catalogue.addInvestigation({ facilityId: facility.id, name: "12100409-ST", visitId: "1.1-P" });
  const dataset = catalogue.addDataset({ investigationId: investigation.id, name: "greetings" });
  const datafileFormat = catalogue.addDatafileFormat({ name: "Text", version: "1" });
  return { facility, investigation, dataset, datafileFormat, sessionId: catalogue.createSession("db/nbour") };
}
