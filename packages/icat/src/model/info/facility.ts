// Field metadata of the facility entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import { att, entity, many, one } from "../info-builders.js";

/**
 * Metadata of the facility entities, keyed by entity name.
 *
 * @example
 * ```ts
 * facilityInfos.Facility.uniqueKey; // ['name']
 * ```
 */
export const facilityInfos = {
  Facility: entity("Facility", ["name"], {
    applications: many("Application", "facility"),
    dataPublicationTypes: many("DataPublicationType", "facility"),
    dataPublications: many("DataPublication", "facility"),
    datafileFormats: many("DatafileFormat", "facility"),
    datasetTypes: many("DatasetType", "facility"),
    daysUntilRelease: att("Integer"),
    description: att("String"),
    facilityCycles: many("FacilityCycle", "facility"),
    fullName: att("String"),
    instruments: many("Instrument", "facility"),
    investigationTypes: many("InvestigationType", "facility"),
    investigations: many("Investigation", "facility"),
    name: att("String", true),
    parameterTypes: many("ParameterType", "facility"),
    sampleTypes: many("SampleType", "facility"),
    url: att("String"),
  }),
  FacilityCycle: entity("FacilityCycle", ["facility", "name"], {
    description: att("String"),
    endDate: att("Date"),
    facility: one("Facility", true),
    investigationFacilityCycles: many("InvestigationFacilityCycle", "facilityCycle"),
    name: att("String", true),
    startDate: att("Date"),
  }),
  Instrument: entity("Instrument", ["facility", "name"], {
    datasetInstruments: many("DatasetInstrument", "instrument"),
    description: att("String"),
    endDate: att("Date"),
    facility: one("Facility", true),
    fullName: att("String"),
    instrumentScientists: many("InstrumentScientist", "instrument"),
    investigationInstruments: many("InvestigationInstrument", "instrument"),
    name: att("String", true),
    pid: att("String"),
    shifts: many("Shift", "instrument"),
    startDate: att("Date"),
    type: att("String"),
    url: att("String"),
  }),
  InstrumentScientist: entity("InstrumentScientist", ["user", "instrument"], {
    instrument: one("Instrument", true),
    user: one("User", true),
  }),
  InvestigationType: entity("InvestigationType", ["name", "facility"], {
    description: att("String"),
    facility: one("Facility", true),
    investigations: many("Investigation", "type"),
    name: att("String", true),
  }),
  DatasetType: entity("DatasetType", ["facility", "name"], {
    datasets: many("Dataset", "type"),
    description: att("String"),
    facility: one("Facility", true),
    name: att("String", true),
  }),
  DatafileFormat: entity("DatafileFormat", ["facility", "name", "version"], {
    datafiles: many("Datafile", "datafileFormat"),
    description: att("String"),
    facility: one("Facility", true),
    name: att("String", true),
    type: att("String"),
    version: att("String", true),
  }),
  SampleType: entity("SampleType", ["facility", "name", "molecularFormula"], {
    facility: one("Facility", true),
    molecularFormula: att("String", true),
    name: att("String", true),
    safetyInformation: att("String"),
    samples: many("Sample", "type"),
  }),
  Technique: entity("Technique", ["name"], {
    datasetTechniques: many("DatasetTechnique", "technique"),
    description: att("String"),
    name: att("String", true),
    pid: att("String"),
  }),
} as const;
