import { entityInfo, formatIcatDate, type EntityName } from "../../../model/index.js";
import { IcatEngineError } from "../icat-engine-error.js";
import { javaDouble } from "../render/java-double.js";
import type { Row, StoredValue } from "../store/row.js";
import { maxLength } from "./field-defaults.js";
import type { ElementWrites, WriteSession } from "./write-session.js";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// java.util.Date.toString() in UTC, as icat.server's uniqueness message shows dates.
function javaDate(d: Date): string {
  const iso = formatIcatDate(d);
  return `${DAYS[d.getUTCDay()] ?? ""} ${MONTHS[d.getUTCMonth()] ?? ""} ${iso.slice(8, 10)} ${iso.slice(11, 19)} UTC ${d.getUTCFullYear()}`;
}

function show(entity: EntityName, field: string, value: StoredValue, withinCall: boolean): string {
  const info = entityInfo[entity].fields[field];
  if (info?.kind === "many-to-one") return withinCall ? `id:${String(value)}` : `${info.target}:${String(value)}`;
  if (value instanceof Date) return javaDate(value);
  if (info?.kind === "attribute" && info.type === "Double" && typeof value === "number") return javaDouble(value);
  return String(value);
}

function exists(row: Row, withinCall: boolean): IcatEngineError {
  const key = entityInfo[row.entity].uniqueKey;
  const parts = key.map((f) => `${f} = '${show(row.entity, f, row.values[f] ?? null, withinCall)}'`);
  return new IcatEngineError("OBJECT_ALREADY_EXISTS", `${row.entity} exists with ${parts.join(", ")}`);
}

// Parameter.check (run by preparePersist and postMergeFixup): the type must be set, and an
// enforced type bounds numeric values and restricts strings to its permissible values.
function checkParameter(session: WriteSession, row: Row): void {
  if (!row.entity.endsWith("Parameter") || row.entity === "ParameterType") return;
  const type = typeof row.values.type === "number" ? session.store.get("ParameterType", row.values.type) : undefined;
  if (type === undefined) throw new IcatEngineError("VALIDATION", "Type of parameter is not set");
  if (type.values.enforced !== true) return;
  const name = String(type.values.name);
  if (type.values.valueType === "NUMERIC" && typeof row.values.numericValue === "number") {
    const v = row.values.numericValue;
    const [min, max] = [type.values.minimumNumericValue, type.values.maximumNumericValue];
    if (typeof min === "number" && v < min) throw new IcatEngineError("VALIDATION", `Parameter of type ${name} has value ${javaDouble(v)} < ${javaDouble(min)}`);
    if (typeof max === "number" && v > max) throw new IcatEngineError("VALIDATION", `Parameter of type ${name} has value ${javaDouble(v)} > ${javaDouble(max)}`);
  } else if (type.values.valueType === "STRING") {
    const allowed = session.store.children("ParameterType", "permissibleStringValues", type.id).map((p) => String(p.values.value));
    const v = row.values.stringValue ?? null;
    if (allowed.length > 0 && (v === null || !allowed.includes(String(v)))) {
      throw new IcatEngineError("VALIDATION", `Parameter of type ${name} has value ${String(v)} not in allowed set [${allowed.join(", ")}]`);
    }
  }
}

// EntityBeanManager.isValid: NOT NULL fields (in name order), then string lengths.
function checkValid(row: Row): void {
  const fields = Object.values(entityInfo[row.entity].fields).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const f of fields) {
    if (f.kind !== "one-to-many" && f.required && (row.values[f.name] ?? null) === null) {
      throw new IcatEngineError("VALIDATION", `${row.entity}: ${f.name} cannot be null.`);
    }
  }
  for (const f of fields) {
    const v = row.values[f.name];
    const max = maxLength(row.entity, f.name);
    if (f.kind === "attribute" && f.type === "String" && typeof v === "string" && v.length > max) {
      throw new IcatEngineError("VALIDATION", `${row.entity}: ${f.name} cannot have length > ${max}`);
    }
  }
}

function clashes(session: WriteSession, row: Row): Row[] {
  const key = entityInfo[row.entity].uniqueKey;
  if (key.length === 0) return [];
  return session.store.findByKey(row.entity, key.map((f) => row.values[f] ?? null)).filter((other) => other !== row);
}

/**
 * Checks what one top-level element wrote, in the order icat.server reports problems when the
 * database rejects the flush (EntityBeanManager.writeOne): parameter checks, then for each
 * created and then each updated object its NOT NULL fields, string lengths and uniqueness against
 * data from before the call, then duplicates among objects created in this call.
 *
 * @example
 * ```ts
 * validateElement(session, element); // throws VALIDATION or OBJECT_ALREADY_EXISTS
 * ```
 */
export function validateElement(session: WriteSession, element: ElementWrites): void {
  const touched = [...element.creates, ...element.updates.keys()];
  for (const row of touched) checkParameter(session, row);
  for (const row of touched) {
    checkValid(row);
    if (clashes(session, row).some((other) => !session.created.has(other))) throw exists(row, false);
  }
  for (const row of touched) {
    if (clashes(session, row).length > 0) throw exists(row, true);
  }
}
