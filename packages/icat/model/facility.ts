// The facility entities of ICAT 6.2 (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import type { ModelGroup } from "./model-source.ts";

/**
 * The facility entities of ICAT 6.2, keyed by entity name.
 *
 * @example
 * ```ts
 * Object.keys(facility); // ["Facility", "FacilityCycle", …]
 * ```
 */
export const facility = {
  Facility: {
    doc: "A facility (the root of most reference data).",
    uniqueKey: ["name"],
    fields: {
      applications: { many: "Application", mappedBy: "facility" },
      dataPublicationTypes: { many: "DataPublicationType", mappedBy: "facility" },
      dataPublications: { many: "DataPublication", mappedBy: "facility" },
      datafileFormats: { many: "DatafileFormat", mappedBy: "facility" },
      datasetTypes: { many: "DatasetType", mappedBy: "facility" },
      daysUntilRelease: { type: "Integer" },
      description: { type: "String" },
      facilityCycles: { many: "FacilityCycle", mappedBy: "facility" },
      fullName: { type: "String" },
      instruments: { many: "Instrument", mappedBy: "facility" },
      investigationTypes: { many: "InvestigationType", mappedBy: "facility" },
      investigations: { many: "Investigation", mappedBy: "facility" },
      name: { type: "String", required: true },
      parameterTypes: { many: "ParameterType", mappedBy: "facility" },
      sampleTypes: { many: "SampleType", mappedBy: "facility" },
      url: { type: "String" },
    },
  },
  FacilityCycle: {
    doc: "A period of operation of a facility.",
    uniqueKey: ["facility", "name"],
    fields: {
      description: { type: "String" },
      endDate: { type: "Date" },
      facility: { one: "Facility", required: true },
      investigationFacilityCycles: { many: "InvestigationFacilityCycle", mappedBy: "facilityCycle" },
      name: { type: "String", required: true },
      startDate: { type: "Date" },
    },
  },
  Instrument: {
    doc: "An instrument (beamline) of a facility.",
    uniqueKey: ["facility", "name"],
    fields: {
      datasetInstruments: { many: "DatasetInstrument", mappedBy: "instrument" },
      description: { type: "String" },
      endDate: { type: "Date" },
      facility: { one: "Facility", required: true },
      fullName: { type: "String" },
      instrumentScientists: { many: "InstrumentScientist", mappedBy: "instrument" },
      investigationInstruments: { many: "InvestigationInstrument", mappedBy: "instrument" },
      name: { type: "String", required: true },
      pid: { type: "String" },
      shifts: { many: "Shift", mappedBy: "instrument" },
      startDate: { type: "Date" },
      type: { type: "String" },
      url: { type: "String" },
    },
  },
  InstrumentScientist: {
    doc: "Links a user to an instrument they are responsible for.",
    uniqueKey: ["user", "instrument"],
    fields: {
      instrument: { one: "Instrument", required: true },
      user: { one: "User", required: true },
    },
  },
  InvestigationType: {
    doc: "A kind of investigation (e.g. experiment, calibration), per facility.",
    uniqueKey: ["name", "facility"],
    fields: {
      description: { type: "String" },
      facility: { one: "Facility", required: true },
      investigations: { many: "Investigation", mappedBy: "type" },
      name: { type: "String", required: true },
    },
  },
  DatasetType: {
    doc: "A kind of dataset (e.g. raw, processed), per facility.",
    uniqueKey: ["facility", "name"],
    fields: {
      datasets: { many: "Dataset", mappedBy: "type" },
      description: { type: "String" },
      facility: { one: "Facility", required: true },
      name: { type: "String", required: true },
    },
  },
  DatafileFormat: {
    doc: "A file format (name and version), per facility.",
    uniqueKey: ["facility", "name", "version"],
    fields: {
      datafiles: { many: "Datafile", mappedBy: "datafileFormat" },
      description: { type: "String" },
      facility: { one: "Facility", required: true },
      name: { type: "String", required: true },
      type: { type: "String" },
      version: { type: "String", required: true },
    },
  },
  SampleType: {
    doc: "A kind of sample, identified by name and molecular formula, per facility.",
    uniqueKey: ["facility", "name", "molecularFormula"],
    fields: {
      facility: { one: "Facility", required: true },
      molecularFormula: { type: "String", required: true },
      name: { type: "String", required: true },
      safetyInformation: { type: "String" },
      samples: { many: "Sample", mappedBy: "type" },
    },
  },
  Technique: {
    doc: "An experimental technique, typically identified by a PaNET `pid`.",
    uniqueKey: ["name"],
    fields: {
      datasetTechniques: { many: "DatasetTechnique", mappedBy: "technique" },
      description: { type: "String" },
      name: { type: "String", required: true },
      pid: { type: "String" },
    },
  },
} satisfies ModelGroup;
