import type { Grouping, PublicStep, Rule, User, UserGroup } from "./entities/users.js";
import type {
  DatafileFormat,
  DatasetType,
  Facility,
  FacilityCycle,
  Instrument,
  InstrumentScientist,
  InvestigationType,
  SampleType,
  Technique,
} from "./entities/facility.js";
import type {
  DataCollectionParameter,
  DatafileParameter,
  DatasetParameter,
  InvestigationParameter,
  ParameterType,
  PermissibleStringValue,
  SampleParameter,
} from "./entities/parameters.js";
import type {
  Investigation,
  InvestigationFacilityCycle,
  InvestigationGroup,
  InvestigationInstrument,
  InvestigationUser,
  Keyword,
  Publication,
  Sample,
  Shift,
} from "./entities/investigation.js";
import type {
  FundingReference,
  InvestigationFunding,
  Study,
  StudyInvestigation,
} from "./entities/study-funding.js";
import type {
  Datafile,
  Dataset,
  DatasetInstrument,
  DatasetTechnique,
  RelatedDatafile,
} from "./entities/dataset.js";
import type {
  Application,
  DataCollection,
  DataCollectionDatafile,
  DataCollectionDataset,
  DataCollectionInvestigation,
  Job,
} from "./entities/data-collection.js";
import type {
  Affiliation,
  DataPublication,
  DataPublicationDate,
  DataPublicationFunding,
  DataPublicationType,
  DataPublicationUser,
  RelatedItem,
  Subject,
} from "./entities/data-publication.js";
import type { EntityName } from "./entity-names.js";

/**
 * Maps each entity name to its TypeScript interface.
 *
 * @example
 * ```ts
 * type Ds = EntityMap["Dataset"]; // Dataset
 * ```
 */
export interface EntityMap {
  Affiliation: Affiliation;
  Application: Application;
  DataCollection: DataCollection;
  DataCollectionDatafile: DataCollectionDatafile;
  DataCollectionDataset: DataCollectionDataset;
  DataCollectionInvestigation: DataCollectionInvestigation;
  DataCollectionParameter: DataCollectionParameter;
  DataPublication: DataPublication;
  DataPublicationDate: DataPublicationDate;
  DataPublicationFunding: DataPublicationFunding;
  DataPublicationType: DataPublicationType;
  DataPublicationUser: DataPublicationUser;
  Datafile: Datafile;
  DatafileFormat: DatafileFormat;
  DatafileParameter: DatafileParameter;
  Dataset: Dataset;
  DatasetInstrument: DatasetInstrument;
  DatasetParameter: DatasetParameter;
  DatasetTechnique: DatasetTechnique;
  DatasetType: DatasetType;
  Facility: Facility;
  FacilityCycle: FacilityCycle;
  FundingReference: FundingReference;
  Grouping: Grouping;
  Instrument: Instrument;
  InstrumentScientist: InstrumentScientist;
  Investigation: Investigation;
  InvestigationFacilityCycle: InvestigationFacilityCycle;
  InvestigationFunding: InvestigationFunding;
  InvestigationGroup: InvestigationGroup;
  InvestigationInstrument: InvestigationInstrument;
  InvestigationParameter: InvestigationParameter;
  InvestigationType: InvestigationType;
  InvestigationUser: InvestigationUser;
  Job: Job;
  Keyword: Keyword;
  ParameterType: ParameterType;
  PermissibleStringValue: PermissibleStringValue;
  PublicStep: PublicStep;
  Publication: Publication;
  RelatedDatafile: RelatedDatafile;
  RelatedItem: RelatedItem;
  Rule: Rule;
  Sample: Sample;
  SampleParameter: SampleParameter;
  SampleType: SampleType;
  Shift: Shift;
  Study: Study;
  StudyInvestigation: StudyInvestigation;
  Subject: Subject;
  Technique: Technique;
  User: User;
  UserGroup: UserGroup;
}

/**
 * Any ICAT entity object.
 *
 * @example
 * ```ts
 * const entities: AnyEntity[] = [{ name: "ESNF" }];
 * ```
 */
export type AnyEntity = EntityMap[EntityName];
