// @catkit/icat: the ICAT client, its query builder and entity model. Explicit named exports only.
// The sandbox server lives in "@catkit/icat/testing" and is never loaded from here.

// client
export { IcatClient } from "./icat-client.js";
export type { IcatClientOptions } from "./icat-client-options.js";
export { ICAT_CLIENT_VERSION } from "./version.js";
export type { CheckGetOptions } from "./client-types.js";

// sessions
export { icatLogin, type IcatLoginOptions } from "./session/icat-login.js";
export { icatFromConfig, type IcatFromConfigOptions } from "./session/icat-from-config.js";
export type { IcatSessionOptions, IcatSessionSpec } from "./session/icat-session.js";
export { isIcatSessionFailure } from "./session/session-failure.js";
export type { LoginCredentials, SessionInfo } from "./operations/session-calls.js";
export type { AuthenticatorInfo, IcatProperties } from "./operations/server-info.js";

// calls' options
export type { CallOptions } from "./operations/icat-context.js";
export type { AssertOptions, ExactlyOne, SearchQuery } from "./operations/search.js";
export type { GetOptions } from "./operations/get.js";
export type { MatchOptions } from "./operations/search-matching.js";
export type { PaginateOptions, SearchChunkedOptions } from "./paginate.js";
export type { SliceOptions } from "./operations/search-in-slices.js";
export { dataSelection, toDataTarget, type IcatDataTarget, type NewDatafile, type PutDataOptions } from "./ids-conveniences.js";

// entities as the client reads and writes them
export { entityTypeOf, isEntityName } from "./entities/entity-tag.js";
export type { EntityRef, EntityUpdate } from "./entities/entity-input.js";

// errors
export { IcatErrorCode } from "./errors/icat-error-codes.js";
export {
  IcatBadParameterError,
  IcatError,
  IcatInsufficientPrivilegesError,
  IcatInternalError,
  IcatNoSuchObjectFoundError,
  IcatNotImplementedError,
  IcatObjectAlreadyExistsError,
  IcatSessionError,
  IcatValidationError,
  type IcatErrorInit,
} from "./errors/icat-error.js";
export { icatErrorMapper } from "./errors/icat-error-mapper.js";
export { IcatSearchAssertionError } from "./errors/search-assertion-error.js";

// query builder
export {
  AGGREGATES,
  JOIN_SPECS,
  Query,
  QueryError,
  between,
  checkConditionFragment,
  currentTimestamp,
  currentUser,
  enumValue,
  eq,
  ge,
  gt,
  inList,
  isNotNull,
  isNull,
  jpqlLiteral,
  le,
  like,
  lt,
  ne,
  notIn,
  notLike,
  ts,
  ROOT_VARIABLE,
  type Aggregate,
  type ConditionValue,
  type JoinSpec,
  type JpqlRaw,
  type JpqlValue,
  type OrderDirection,
  type OrderItem,
  type QueryClauses,
  type QueryConstructor,
  type QueryErrorReason,
  type QueryOptions,
  type QueryWarning,
  type QueryWarningHandler,
} from "./query/index.js";
export type { AttributeValue, QueryRow } from "./query/query-row.js";

// entity model (ICAT 6.2)
export {
  ENTITY_NAMES,
  META_FIELDS,
  META_FIELD_TYPES,
  PARAMETER_VALUE_TYPES,
  STUDY_STATUSES,
  IcatDateFormatError,
  UnknownEntityError,
  entityInfo,
  entitySchemas,
  findEntityName,
  formatIcatDate,
  getEntityInfo,
  icatDateSchema,
  parseIcatDate,
  typedEntitySchema,
  type AnyEntity,
  type AttributeInfo,
  type AttributeType,
  type EntityBase,
  type EntityInfo,
  type EntityMap,
  type EntityName,
  type EntitySchemas,
  type FieldInfo,
  type ManyToOneInfo,
  type MetaField,
  type OneToManyInfo,
  type ParameterValueType,
  type StudyStatus,
  type TypedEntity,
} from "./model/index.js";
export type {
  Affiliation,
  Application,
  DataCollection,
  DataCollectionDatafile,
  DataCollectionDataset,
  DataCollectionInvestigation,
  DataCollectionParameter,
  DataPublication,
  DataPublicationDate,
  DataPublicationFunding,
  DataPublicationType,
  DataPublicationUser,
  Datafile,
  DatafileFormat,
  DatafileParameter,
  Dataset,
  DatasetInstrument,
  DatasetParameter,
  DatasetTechnique,
  DatasetType,
  Facility,
  FacilityCycle,
  FundingReference,
  Grouping,
  Instrument,
  InstrumentScientist,
  Investigation,
  InvestigationFacilityCycle,
  InvestigationFunding,
  InvestigationGroup,
  InvestigationInstrument,
  InvestigationParameter,
  InvestigationType,
  InvestigationUser,
  Job,
  Keyword,
  Parameter,
  ParameterType,
  PermissibleStringValue,
  PublicStep,
  Publication,
  RelatedDatafile,
  RelatedItem,
  Rule,
  Sample,
  SampleParameter,
  SampleType,
  Shift,
  Study,
  StudyInvestigation,
  Subject,
  Technique,
  User,
  UserGroup,
} from "./model/index.js";
