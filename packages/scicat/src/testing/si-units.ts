// valueSI/unitSI, as the backend adds them to scientific metadata
// (BE:src/common/utils.ts appendSIUnitToPhysicalQuantity and convertToSI, with mathjs): an
// entry with a `v…` key (value) and a non-empty `u…` key (unit), neither ending in "SI", gets
// `valueSI` and `unitSI`; two-element ranges convert element-wise; nested objects recurse; a
// value mathjs cannot convert is copied unchanged. `Å` is accepted as angstrom, as upstream.
import { all, create, type MathJSON } from "mathjs";

const math = create(all ?? {});
const isAlpha = math.Unit.isValidAlpha.bind(math.Unit);
math.Unit.isValidAlpha = (c: string) => isAlpha(c) || c === "Å";
math.createUnit("Å", "1 angstrom");

type Quantity = number | [number, number];

function toSI(value: Quantity, unitName: string): { valueSI: number | number[]; unitSI: string } {
  try {
    const normalized = unitName.normalize("NFC");
    const target = (math.unit(normalized).toSI().toJSON()).unit;
    const one = (v: number) => math.unit(v, normalized).to(target).toJSON();
    if (Array.isArray(value)) {
      if (value.length !== 2) return { valueSI: value, unitSI: unitName };
      const q = value.map(one);
      return { valueSI: q.map((x) => Number(x.value)), unitSI: (q[0] as MathJSON).unit };
    }
    const q = one(value);
    return { valueSI: Number(q.value), unitSI: q.unit };
  } catch {
    return { valueSI: value, unitSI: unitName };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Returns scientific metadata with valueSI/unitSI added where the backend adds them. */
export function appendSI(metadata: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(metadata)) {
    if (!isObject(entry)) {
      out[key] = entry;
      continue;
    }
    let value: unknown;
    let unit: unknown;
    for (const k of Object.keys(entry)) {
      if (k.endsWith("SI")) continue;
      if (k.startsWith("u")) unit = entry[k];
      if (k.startsWith("v")) value = entry[k];
    }
    if (value !== undefined && typeof unit === "string" && unit.length > 0) out[key] = { ...entry, ...toSI(value as Quantity, unit) };
    else out[key] = appendSI(entry);
  }
  return out;
}
