// The parameters entities of ICAT 6.2 (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import type { ModelGroup } from "./model-source.ts";

/**
 * The parameters entities of ICAT 6.2, keyed by entity name.
 *
 * @example
 * ```ts
 * Object.keys(parameters); // ["ParameterType", "PermissibleStringValue", …]
 * ```
 */
export const parameters = {
  ParameterType: {
    doc: "Describes a parameter: name, units, value type and where it applies.",
    uniqueKey: ["facility", "name", "units"],
    fields: {
      applicableToDataCollection: { type: "Boolean" },
      applicableToDatafile: { type: "Boolean" },
      applicableToDataset: { type: "Boolean" },
      applicableToInvestigation: { type: "Boolean" },
      applicableToSample: { type: "Boolean" },
      dataCollectionParameters: { many: "DataCollectionParameter", mappedBy: "type" },
      datafileParameters: { many: "DatafileParameter", mappedBy: "type" },
      datasetParameters: { many: "DatasetParameter", mappedBy: "type" },
      description: { type: "String" },
      enforced: { type: "Boolean" },
      facility: { one: "Facility", required: true },
      investigationParameters: { many: "InvestigationParameter", mappedBy: "type" },
      maximumNumericValue: { type: "Double" },
      minimumNumericValue: { type: "Double" },
      name: { type: "String", required: true },
      permissibleStringValues: { many: "PermissibleStringValue", mappedBy: "type" },
      pid: { type: "String" },
      sampleParameters: { many: "SampleParameter", mappedBy: "type" },
      units: { type: "String", required: true },
      unitsFullName: { type: "String" },
      valueType: { type: "ParameterValueType", required: true },
      verified: { type: "Boolean" },
    },
  },
  PermissibleStringValue: {
    doc: "One allowed value of an enforced STRING parameter type.",
    uniqueKey: ["value", "type"],
    fields: {
      type: { one: "ParameterType", required: true },
      value: { type: "String", required: true },
    },
  },
  Parameter: {
    abstract: true,
    doc: "The fields shared by the five concrete parameter entities (icat.server's abstract `Parameter`): the type and one of the value fields chosen by `type.valueType`. `Parameter` is not itself an entity: it cannot be queried or written.",
    uniqueKey: [],
    fields: {
      dateTimeValue: { type: "Date" },
      error: { type: "Double" },
      numericValue: { type: "Double" },
      rangeBottom: { type: "Double" },
      rangeTop: { type: "Double" },
      stringValue: { type: "String" },
      type: { one: "ParameterType", required: true },
    },
  },
  InvestigationParameter: {
    extends: "Parameter",
    doc: "A parameter value attached to an investigation.",
    uniqueKey: ["investigation", "type"],
    fields: {
      investigation: { one: "Investigation", required: true },
    },
  },
  DatasetParameter: {
    extends: "Parameter",
    doc: "A parameter value attached to a dataset.",
    uniqueKey: ["dataset", "type"],
    fields: {
      dataset: { one: "Dataset", required: true },
    },
  },
  DatafileParameter: {
    extends: "Parameter",
    doc: "A parameter value attached to a datafile.",
    uniqueKey: ["datafile", "type"],
    fields: {
      datafile: { one: "Datafile", required: true },
    },
  },
  SampleParameter: {
    extends: "Parameter",
    doc: "A parameter value attached to a sample.",
    uniqueKey: ["sample", "type"],
    fields: {
      sample: { one: "Sample", required: true },
    },
  },
  DataCollectionParameter: {
    extends: "Parameter",
    doc: "A parameter value attached to a data collection.",
    uniqueKey: ["dataCollection", "type"],
    fields: {
      dataCollection: { one: "DataCollection", required: true },
    },
  },
} satisfies ModelGroup;
