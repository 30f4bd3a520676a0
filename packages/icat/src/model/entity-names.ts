/**
 * Every concrete ICAT 6.2 entity, in alphabetical order (as SOAP `getEntityNames` lists them;
 * icat.server core/manager/EntityInfoHandler.java `ENTITIES`). The abstract `Parameter` and the
 * internal `Session` are not entities.
 *
 * @example
 * ```ts
 * ENTITY_NAMES.length; // 53
 * ```
 */
export const ENTITY_NAMES = [
  "Affiliation",
  "Application",
  "DataCollection",
  "DataCollectionDatafile",
  "DataCollectionDataset",
  "DataCollectionInvestigation",
  "DataCollectionParameter",
  "DataPublication",
  "DataPublicationDate",
  "DataPublicationFunding",
  "DataPublicationType",
  "DataPublicationUser",
  "Datafile",
  "DatafileFormat",
  "DatafileParameter",
  "Dataset",
  "DatasetInstrument",
  "DatasetParameter",
  "DatasetTechnique",
  "DatasetType",
  "Facility",
  "FacilityCycle",
  "FundingReference",
  "Grouping",
  "Instrument",
  "InstrumentScientist",
  "Investigation",
  "InvestigationFacilityCycle",
  "InvestigationFunding",
  "InvestigationGroup",
  "InvestigationInstrument",
  "InvestigationParameter",
  "InvestigationType",
  "InvestigationUser",
  "Job",
  "Keyword",
  "ParameterType",
  "PermissibleStringValue",
  "PublicStep",
  "Publication",
  "RelatedDatafile",
  "RelatedItem",
  "Rule",
  "Sample",
  "SampleParameter",
  "SampleType",
  "Shift",
  "Study",
  "StudyInvestigation",
  "Subject",
  "Technique",
  "User",
  "UserGroup",
] as const;

/**
 * The name of a concrete ICAT entity.
 *
 * @example
 * ```ts
 * const n: EntityName = "Dataset";
 * ```
 */
export type EntityName = (typeof ENTITY_NAMES)[number];
