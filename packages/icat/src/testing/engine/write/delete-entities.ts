import { findEntityName, type EntityName } from "../../../model/index.js";
import { badParameter, IcatEngineError } from "../icat-engine-error.js";
import { oneToManyFields } from "../store/relations.js";
import type { Row } from "../store/row.js";
import { isJsonObject, type WriteSession } from "./write-session.js";

const json = (v: unknown): string => JSON.stringify(v);

// ICATRest.getOne: each element is {"Type":{"id":n}} and nothing else.
function target(element: unknown, offset: number): { entity: EntityName; id: number } {
  if (!isJsonObject(element) || Object.keys(element).length !== 1) {
    throw new IcatEngineError("BAD_PARAMETER", `entity must have one keyword followed by its values in json ${json(element)}`, offset);
  }
  const [name, contents] = Object.entries(element)[0] as [string, unknown];
  const entity = findEntityName(name);
  if (entity !== name || entity === undefined) throw badParameter(`${name} is not an ICAT entity`);
  if (!isJsonObject(contents)) throw new IcatEngineError("INTERNAL", `Expected a JSON object for ${name}, got ${json(contents)}`, offset);
  if (Object.keys(contents).some((key) => key !== "id")) {
    throw new IcatEngineError("BAD_PARAMETER", `entity must have only the id value specified in json ${json(element)}`, offset);
  }
  if (!("id" in contents)) {
    throw new IcatEngineError("BAD_PARAMETER", `entity must have the id value specified in json ${json(element)}`, offset);
  }
  if (typeof contents.id !== "number" || !Number.isInteger(contents.id)) {
    throw new IcatEngineError("INTERNAL", `Expected an integral JSON number for the id in ${json(element)}`, offset);
  }
  return { entity, id: contents.id };
}

// EntityBeanManager.getDependentBeans: everything reachable through one-to-many relations.
function dependants(session: WriteSession, row: Row, out: Row[]): Row[] {
  for (const field of oneToManyFields(row.entity)) {
    for (const child of session.store.children(row.entity, field.name, row.id)) {
      out.push(child);
      dependants(session, child, out);
    }
  }
  return out;
}

/**
 * Deletes entities as icat.server's `DELETE /entityManager` does: `{"Type":{"id":n}}` or an array
 * of them, each deleted with everything below it in cascade, after checking DELETE access to all
 * of it. One transaction; errors carry the offset of the failing element.
 *
 * @example
 * ```ts
 * deleteEntities(session, [{ Dataset: { id: 5 } }]);
 * ```
 */
export function deleteEntities(session: WriteSession, input: unknown): void {
  const elements = Array.isArray(input) ? input : [input];
  const targets = elements.map((element, offset) => target(element, offset));
  const { store, policy, user } = session;
  store.transaction(() => {
    targets.forEach(({ entity, id }, offset) => {
      const row = store.get(entity, id);
      if (row === undefined) throw new IcatEngineError("NO_SUCH_OBJECT_FOUND", `${entity}[id:${id}] not found.`, offset);
      const doomed = [row, ...dependants(session, row, [])];
      for (const r of doomed) {
        if (!policy.mayWrite(user, "DELETE", r, store)) {
          throw new IcatEngineError("INSUFFICIENT_PRIVILEGES", `DELETE access to this ${r.entity} is not allowed.`, offset);
        }
      }
      const removed = new Set<Row>();
      for (const r of doomed.reverse()) {
        if (!removed.has(r)) store.remove(r);
        removed.add(r);
      }
    });
  });
}
