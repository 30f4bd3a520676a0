import { entityInfo, parseIcatDate, PARAMETER_VALUE_TYPES, type AttributeInfo, type EntityName } from "../../../model/index.js";
import { badParameter, IcatEngineError } from "../icat-engine-error.js";
import type { Row, StoredValue } from "../store/row.js";
import { initialValues } from "./field-defaults.js";
import { isJsonObject, type ElementWrites, type JsonObject, type WriteSession } from "./write-session.js";

const META = new Set(["createId", "createTime", "modId", "modTime"]);
const json = (v: unknown): string => JSON.stringify(v);

/**
 * A new, not yet stored row with the Java initial values, created by `session.user` now.
 *
 * @example
 * ```ts
 * const row = newRow(session, "Dataset");
 * ```
 */
export function newRow(session: WriteSession, entity: EntityName): Row {
  return {
    entity, id: session.store.allocateId(), createId: session.user, createTime: session.now,
    modId: session.user, modTime: session.now, values: initialValues(entity),
  };
}

/**
 * Finds a stored row or fails as icat.server's EntityBeanManager.find does.
 *
 * @example
 * ```ts
 * findRow(session, "Dataset", 5); // or NO_SUCH_OBJECT_FOUND "Dataset[id:5] not found."
 * ```
 */
export function findRow(session: WriteSession, entity: EntityName, id: number): Row {
  const row = session.store.get(entity, id);
  if (row === undefined) throw new IcatEngineError("NO_SUCH_OBJECT_FOUND", `${entity}[id:${id}] not found.`);
  return row;
}

function internal(message: string): IcatEngineError {
  // icat.server lets these ClassCast/Arithmetic exceptions escape: they reach the client as INTERNAL.
  return new IcatEngineError("INTERNAL", message);
}

function attributeValue(field: AttributeInfo, value: unknown, entity: EntityName): StoredValue {
  const where = `field ${field.name} of ${entity}`;
  switch (field.type) {
    case "String":
      if (typeof value !== "string") throw internal(`Expected a JSON string for ${where}, got ${json(value)}`);
      return value;
    case "Integer":
    case "Long": {
      const limit = field.type === "Integer" ? 2 ** 31 : 2 ** 63;
      if (typeof value !== "number" || !Number.isInteger(value) || value < -limit || value >= limit) {
        throw internal(`Expected an integral JSON number for ${where} (${field.type}), got ${json(value)}`);
      }
      return value;
    }
    case "Double":
      if (typeof value !== "number") throw internal(`Expected a JSON number for ${where}, got ${json(value)}`);
      return value;
    case "Boolean":
      if (typeof value !== "boolean") throw badParameter(`Field ${field.name} must be true or false in ${entity}`);
      return value;
    case "ParameterValueType": {
      if (typeof value !== "string") throw internal(`Expected a JSON string for ${where}, got ${json(value)}`);
      const upper = value.toUpperCase();
      if (!(PARAMETER_VALUE_TYPES as readonly string[]).includes(upper)) {
        throw badParameter(`Field ${field.name} must be in [${PARAMETER_VALUE_TYPES.join(", ")}] for ${entity}`);
      }
      return upper;
    }
    case "Date":
      try {
        if (typeof value !== "string") throw new Error("not a string");
        return parseIcatDate(value);
      } catch {
        throw badParameter(`Badly formatted date ${json(value)}`);
      }
    case "StudyStatus":
      // EntityBeanManager.parseEntity has no branch for StudyStatus: the value falls through to
      // the relationship branch, so icat.server cannot write it.
      throw isJsonObject(value)
        ? internal(`Study.status cannot be written through the REST API (${json(value)})`)
        : badParameter(`Badly formatted relationship object ${json(value)}`);
  }
}

/**
 * Applies the fields of one JSON entity to `row` following icat.server's
 * EntityBeanManager.parseEntity: unknown fields are BAD_PARAMETER, `null` clears a field,
 * many-to-one values must be references `{"id":n}` (whose other fields update the target),
 * one-to-many values are arrays of new children without ids, created in cascade.
 *
 * @example
 * ```ts
 * parseEntity(session, element, row, { name: "e1", investigation: { id: 3 } }, true);
 * ```
 */
export function parseEntity(session: WriteSession, element: ElementWrites, row: Row, contents: JsonObject, create: boolean): void {
  const entity = row.entity;
  const { store, policy, user } = session;
  let deleteAllowed = false;
  if (!create) {
    const fields = Object.keys(contents).filter((k) => k !== "id");
    if (fields.length > 0 && !policy.mayWrite(user, "UPDATE", row, store)) {
      throw new IcatEngineError("INSUFFICIENT_PRIVILEGES", `UPDATE access to this ${entity} is not allowed.`);
    }
    deleteAllowed = policy.mayWrite(user, "DELETE", row, store);
  }
  const set = (field: string, value: StoredValue): void => {
    if (create) row.values[field] = value;
    else store.set(row, field, value);
  };
  let changedIdentity = false;
  const info = entityInfo[entity];
  for (const [name, value] of Object.entries(contents)) {
    if (name === "id") continue;
    const field = info.fields[name];
    if (field === undefined) {
      if (META.has(name)) throw internal(`Field ${name} of ${entity} is maintained by ICAT and cannot be written`);
      throw badParameter(`Field ${name} not found in ${entity}`);
    }
    if (field.kind === "one-to-many") {
      if (!Array.isArray(value)) throw internal(`Expected a JSON array for ${name} of ${entity}, got ${json(value)}`);
      for (const item of value) {
        if (!isJsonObject(item)) throw internal(`Expected JSON objects in ${name} of ${entity}, got ${json(item)}`);
        if ("id" in item) throw badParameter(`Many to one related objects should have the id value set: ${json(item)}`);
        const child = newRow(session, field.target);
        parseEntity(session, element, child, item, true);
        // EntityBaseBean.preparePersist: the inverse relation always points at the parent.
        child.values[field.mappedBy] = row.id;
      }
    } else if (value === null) {
      if (field.kind === "attribute" && field.type === "Boolean") throw internal(`failed to set field ${name} of ${entity}`);
      set(name, null);
    } else if (field.kind === "attribute") {
      set(name, attributeValue(field, value, entity));
    } else {
      if (!isJsonObject(value)) throw badParameter(`Badly formatted relationship object ${json(value)}`);
      if (!("id" in value)) throw badParameter(`One to many related objects should not have the id value set: ${json(value)}`);
      if (typeof value.id !== "number") throw badParameter(`Badly formatted relationship object ${json(value)}`);
      const target = findRow(session, field.target, value.id);
      parseEntity(session, element, target, value, false);
      // EntityBeanManager.parseEntity compares ids by reference, so setting any relation that is
      // part of the unique key counts as an identity change.
      if (!create && info.uniqueKey.includes(name)) changedIdentity = true;
      set(name, target.id);
    }
  }
  if (create) {
    element.creates.push(row);
  } else {
    if (changedIdentity && !deleteAllowed) {
      throw new IcatEngineError("INSUFFICIENT_PRIVILEGES", `DELETE access implied by UPDATE to this ${entity} is not allowed.`);
    }
    element.updates.set(row, (element.updates.get(row) ?? false) || changedIdentity);
  }
}
