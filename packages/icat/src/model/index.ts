// The ICAT 6.2 entity model: names, TypeScript interfaces, field metadata, zod schemas and dates.
// Names, interfaces, metadata and entity schemas are generated (generated/, from packages/icat/model/).
export { ENTITY_NAMES, type EntityName } from "./generated/entity-names.js";
export type { AnyEntity, EntityMap } from "./generated/entity-map.js";
export { META_FIELDS, META_FIELD_TYPES, type EntityBase, type MetaField } from "./entity-base.js";
export {
  PARAMETER_VALUE_TYPES,
  STUDY_STATUSES,
  type ParameterValueType,
  type StudyStatus,
} from "./enums.js";
export type {
  AttributeInfo,
  AttributeType,
  EntityInfo,
  FieldInfo,
  ManyToOneInfo,
  OneToManyInfo,
} from "./field-info.js";
export { entityInfo, findEntityName, getEntityInfo } from "./entity-info.js";
export { UnknownEntityError } from "./unknown-entity-error.js";
export { IcatDateFormatError, formatIcatDate, parseIcatDate } from "./icat-date.js";
export {
  entitySchemas,
  icatDateSchema,
  typedEntitySchema,
  type EntitySchemas,
  type TypedEntity,
} from "./schemas.js";
export type * from "./generated/entities/users.js";
export type * from "./generated/entities/facility.js";
export type * from "./generated/entities/parameters.js";
export type * from "./generated/entities/investigation.js";
export type * from "./generated/entities/study-funding.js";
export type * from "./generated/entities/dataset.js";
export type * from "./generated/entities/data-collection.js";
export type * from "./generated/entities/data-publication.js";
