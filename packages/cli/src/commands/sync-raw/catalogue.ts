// What icat-sync-raw asks the catalogue: the investigation of a session and the datasets already
// registered in it. As pyicat-plus, catkit asks ICAT+ (investigation_info, registered_datasets)
// through @catkit/icat-plus (icat-plus-catalogue.ts); embedders and tests may pass their own.
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
  /** The datasets registered in that investigation (same arguments, as ICAT+ looks them up). */
  registeredDatasets(beamline: string, proposal: string, date: Date): Promise<RegisteredDataset[]>;
  close(): Promise<void>;
}
