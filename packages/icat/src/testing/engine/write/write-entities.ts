import { findEntityName } from "../../../model/index.js";
import { badParameter, IcatEngineError } from "../icat-engine-error.js";
import { findRow, newRow, parseEntity } from "./parse-entity.js";
import { validateElement } from "./validate-element.js";
import { isJsonObject, type ElementWrites, type WriteSession } from "./write-session.js";

const json = (v: unknown): string => JSON.stringify(v);

function writeOne(session: WriteSession, element: unknown): number | undefined {
  if (!isJsonObject(element) || Object.keys(element).length !== 1) {
    throw badParameter(`Entity must have one keyword followed by its values in json ${json(element)}`);
  }
  const [name, contents] = Object.entries(element)[0] as [string, unknown];
  const entity = findEntityName(name);
  if (entity !== name || entity === undefined) throw badParameter(`${name} is not an ICAT entity`);
  if (!isJsonObject(contents)) throw badParameter(`Unexpected array found in JSON ${json(contents)}`);
  const create = !("id" in contents);
  let row;
  if (create) {
    row = newRow(session, entity);
  } else {
    if (typeof contents.id !== "number") throw badParameter(`Badly formatted id: ${json(contents.id)}`);
    row = findRow(session, entity, contents.id);
  }
  const writes: ElementWrites = { creates: [], updates: new Map() };
  parseEntity(session, writes, row, contents, create);
  const { store, policy, user, now } = session;
  for (const created of writes.creates) {
    store.insert(created);
    session.created.add(created);
  }
  // EntityBeanManager.writeOne stamps every bean parsed as an update, which includes the targets
  // of many-to-one references such as {"investigation":{"id":3}}.
  for (const updated of writes.updates.keys()) store.touch(updated, user, now);
  validateElement(session, writes);
  // Authorization is checked once everything is in place, as icat.server does after the flush.
  for (const created of writes.creates) {
    if (!policy.mayWrite(user, "CREATE", created, store)) {
      throw new IcatEngineError("INSUFFICIENT_PRIVILEGES", `CREATE access to this ${created.entity} is not allowed.`);
    }
  }
  for (const [updated, identityChanged] of writes.updates) {
    if (identityChanged && !policy.mayWrite(user, "CREATE", updated, store)) {
      throw new IcatEngineError("INSUFFICIENT_PRIVILEGES", `CREATE access to this ${updated.entity} is not allowed.`);
    }
  }
  return create ? row.id : undefined;
}

/**
 * Creates and updates entities as icat.server's `POST /entityManager` does
 * (EntityBeanManager.write): one object or an array of `{"Type":{…}}`; top-level objects without
 * an id are created (with their one-to-many children), those with an id are updated field by
 * field. The whole call is one transaction; on error nothing is kept and the error carries the
 * offset of the failing element. Returns the ids of the created top-level objects.
 *
 * @example
 * ```ts
 * writeEntities(session, [{ Facility: { name: "ESNF" } }]); // [1]
 * ```
 */
export function writeEntities(session: WriteSession, input: unknown): number[] {
  const elements = Array.isArray(input) ? input : [input];
  const ids: number[] = [];
  session.store.transaction(() => {
    elements.forEach((element, offset) => {
      try {
        const id = writeOne(session, element);
        if (id !== undefined) ids.push(id);
      } catch (e) {
        throw e instanceof IcatEngineError ? e.withOffset(offset) : e;
      }
    });
  });
  return ids;
}
