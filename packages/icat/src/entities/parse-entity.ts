// Turns ICAT's JSON for an entity (icat.server ICATRest.jsonise: meta fields, attributes with
// dates as strings, many-to-one relations as nested objects *without* a type wrapper, one-to-many
// relations as arrays) into a typed object: dates become Date, relations are read by the schema's
// target type, every object is tagged with its entity name.
//
// Generated plain readers (generated/entity-readers.ts) rather than the model's zod schemas:
// paging reads hundreds of thousands of objects (the benchmark pages 100,000 datasets), and the
// readers build tagged entity objects. Both come from the same model source and keep fields
// the model does not know (a newer ICAT's) as sent.
import { ResponseValidationError } from "@catkit/core";
import type { EntityMap, EntityName } from "../model/index.js";
import { entityReaders } from "./generated/entity-readers.js";
import { Malformed } from "./read-helpers.js";
import { WireDateReader } from "./wire-date.js";

/**
 * Turns a problem found while reading into the error catkit throws, with the path to the field.
 *
 * @example
 * ```ts
 * catch (e) { throw readError(e, "[3]"); }
 * ```
 */
export function readError(error: unknown, where: string): unknown {
  if (!(error instanceof Malformed)) return error;
  const path = [where, ...error.path].filter((p) => p !== "").join(".").replace(/\.\[/g, "[");
  return new ResponseValidationError(`ICAT sent an entity catkit cannot read: ${path}: ${error.message}`, { issues: [`${path}: ${error.message}`] });
}

/**
 * Parses the JSON of one `type` entity (the inside of `{"Dataset":{…}}`, or a nested relation)
 * into a new, typed object.
 *
 * @throws {ResponseValidationError} when a known field has the wrong type (the path says where).
 * @example
 * ```ts
 * const ds = parseEntity("Dataset", { id: 7, name: "greetings", createTime: "2023-06-28T12:00:00.000Z", datafiles: [] });
 * ds.createTime instanceof Date; // true
 * ```
 */
export function parseEntity<E extends EntityName>(type: E, raw: unknown, where: string = type): EntityMap[E] {
  try {
    return entityReaders[type](raw, new WireDateReader());
  } catch (e) {
    throw readError(e, where);
  }
}
