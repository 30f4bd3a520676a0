// What icat-sync-raw asks the catalogue: the investigation of a session and the datasets already
// registered in it. pyicat-plus asks ICAT+ (investigation_info, registered_datasets); until the
// @catkit/icat-plus client is wired, catkit asks ICAT itself through @catkit/icat (icat-catalogue.ts).
import type { InvestigationInfo } from "./model.js";

/** A dataset registered in ICAT. */
export interface RegisteredDataset {
  id: number;
  /** Its directory (Dataset.location). */
  location: string;
  /** Number of datafiles (pyicat-plus: the hidden `__fileCount` parameter). */
  fileCount: number;
}

/** The catalogue side of icat-sync-raw. */
export interface RawDataCatalogue {
  /** The investigation of (beamline, proposal) on `date`, open-ended ones allowed; undefined if none. */
  investigation(beamline: string, proposal: string, date: Date): Promise<InvestigationInfo | undefined>;
  registeredDatasets(investigationId: number): Promise<RegisteredDataset[]>;
  close(): Promise<void>;
}
