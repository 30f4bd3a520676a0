// Field metadata of the parameters entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import { att, entity, many, one } from "../info-builders.js";

/**
 * Metadata of the parameters entities, keyed by entity name.
 *
 * @example
 * ```ts
 * parametersInfos.ParameterType.uniqueKey; // ['facility', 'name', 'units']
 * ```
 */
export const parametersInfos = {
  ParameterType: entity("ParameterType", ["facility", "name", "units"], {
    applicableToDataCollection: att("Boolean"),
    applicableToDatafile: att("Boolean"),
    applicableToDataset: att("Boolean"),
    applicableToInvestigation: att("Boolean"),
    applicableToSample: att("Boolean"),
    dataCollectionParameters: many("DataCollectionParameter", "type"),
    datafileParameters: many("DatafileParameter", "type"),
    datasetParameters: many("DatasetParameter", "type"),
    description: att("String"),
    enforced: att("Boolean"),
    facility: one("Facility", true),
    investigationParameters: many("InvestigationParameter", "type"),
    maximumNumericValue: att("Double"),
    minimumNumericValue: att("Double"),
    name: att("String", true),
    permissibleStringValues: many("PermissibleStringValue", "type"),
    pid: att("String"),
    sampleParameters: many("SampleParameter", "type"),
    units: att("String", true),
    unitsFullName: att("String"),
    valueType: att("ParameterValueType", true),
    verified: att("Boolean"),
  }),
  PermissibleStringValue: entity("PermissibleStringValue", ["value", "type"], {
    type: one("ParameterType", true),
    value: att("String", true),
  }),
  InvestigationParameter: entity("InvestigationParameter", ["investigation", "type"], {
    dateTimeValue: att("Date"),
    error: att("Double"),
    investigation: one("Investigation", true),
    numericValue: att("Double"),
    rangeBottom: att("Double"),
    rangeTop: att("Double"),
    stringValue: att("String"),
    type: one("ParameterType", true),
  }),
  DatasetParameter: entity("DatasetParameter", ["dataset", "type"], {
    dataset: one("Dataset", true),
    dateTimeValue: att("Date"),
    error: att("Double"),
    numericValue: att("Double"),
    rangeBottom: att("Double"),
    rangeTop: att("Double"),
    stringValue: att("String"),
    type: one("ParameterType", true),
  }),
  DatafileParameter: entity("DatafileParameter", ["datafile", "type"], {
    datafile: one("Datafile", true),
    dateTimeValue: att("Date"),
    error: att("Double"),
    numericValue: att("Double"),
    rangeBottom: att("Double"),
    rangeTop: att("Double"),
    stringValue: att("String"),
    type: one("ParameterType", true),
  }),
  SampleParameter: entity("SampleParameter", ["sample", "type"], {
    dateTimeValue: att("Date"),
    error: att("Double"),
    numericValue: att("Double"),
    rangeBottom: att("Double"),
    rangeTop: att("Double"),
    sample: one("Sample", true),
    stringValue: att("String"),
    type: one("ParameterType", true),
  }),
  DataCollectionParameter: entity("DataCollectionParameter", ["dataCollection", "type"], {
    dataCollection: one("DataCollection", true),
    dateTimeValue: att("Date"),
    error: att("Double"),
    numericValue: att("Double"),
    rangeBottom: att("Double"),
    rangeTop: att("Double"),
    stringValue: att("String"),
    type: one("ParameterType", true),
  }),
} as const;
