// pyicat-plus's investigation selection (client/investigation.py _select_investigation and
// helpers), step for step: keep investigations with a startDate (and an endDate unless
// open-ended ones are allowed); one left → it; else sort by id (creation order), make the date
// deterministic (now; a day → the start time of the last investigation starting that day, else
// 08:00 local), close open-ended slots at the next start, and pick the last closed slot holding
// the date, else the last slot holding it, else the nearest start or end (ties → larger index).

/**
 * An investigation as ICAT+'s dataacquisition API returns it (fields used here; others kept).
 *
 * @example
 * ```ts
 * const inv: IcatPlusInvestigation = { id: 1, name: "hg123", instrument: { name: "id00" }, startDate: "2024-03-01T08:00:00+01:00" };
 * ```
 */
export interface IcatPlusInvestigation {
  id: number;
  name?: string;
  startDate?: string | null;
  endDate?: string | null;
  instrument?: { name?: string };
  [key: string]: unknown;
}

/**
 * A look-up date: a `Date` (a point in time) or "YYYY-MM-DD" (a day, resolved as above).
 *
 * @example
 * ```ts
 * const d: LookupDate = "2024-03-01";
 * ```
 */
export type LookupDate = Date | string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
/** Python fromisoformat(...).astimezone(): a naive date-time is local, as JavaScript reads it. */
const parse = (text: string) => new Date(text).getTime();

function deterministicDate(date: LookupDate | undefined, sorted: readonly IcatPlusInvestigation[], now: () => Date): number {
  if (date === undefined) return now().getTime();
  if (date instanceof Date) return date.getTime();
  const day = DAY.exec(date);
  if (!day) return parse(date);
  const starts = sorted.map((inv) => new Date(parse(String(inv.startDate))));
  let last: Date | undefined;
  for (const start of starts) if (localDay(start) === date) last = start;
  const [y, m, d] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
  return last
    ? new Date(y, m, d, last.getHours(), last.getMinutes(), last.getSeconds(), last.getMilliseconds()).getTime()
    : new Date(y, m, d, 8, 0, 0).getTime();
}

function lastWhere(flags: readonly boolean[]): number | undefined {
  for (let i = flags.length - 1; i >= 0; i--) if (flags[i]) return i;
  return undefined;
}

function argmin(values: readonly number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v < (values[best] ?? Infinity)) best = i;
  });
  return best;
}

/**
 * Picks the investigation for a date, exactly as pyicat-plus does.
 *
 * @example
 * ```ts
 * selectInvestigation(investigations, "2024-03-01", true)?.id;
 * ```
 */
export function selectInvestigation(
  investigations: readonly IcatPlusInvestigation[],
  date: LookupDate | undefined,
  allowOpenEnded: boolean,
  now: () => Date = () => new Date(),
): IcatPlusInvestigation | undefined {
  const valid = investigations.filter((inv) => inv.startDate && (allowOpenEnded || inv.endDate));
  if (valid.length <= 1) return valid[0];
  const sorted = [...valid].sort((a, b) => a.id - b.id);
  const at = deterministicDate(date, sorted, now);
  const n = sorted.length;
  const startdiff = sorted.map((inv) => (at - parse(String(inv.startDate))) / 1000);
  const enddiff = sorted.map((inv) => (inv.endDate != null ? (parse(inv.endDate) - at) / 1000 : Infinity));
  const closed = enddiff.map(Number.isFinite);
  // numpy.argsort(-startdiff): earliest start first (insertion sort, stable, for small n).
  const order = [...startdiff.keys()].sort((a, b) => (startdiff[b] ?? 0) - (startdiff[a] ?? 0) || a - b);
  for (let i = 0; i < n - 1; i++) {
    const idx = order[i] as number;
    if (!closed[idx]) enddiff[idx] = -(startdiff[order[i + 1] as number] ?? 0);
  }
  const contains = startdiff.map((s, i) => s >= 0 && (enddiff[i] ?? 0) >= 0);
  const pick = lastWhere(contains.map((c, i) => c && (closed[i] ?? false))) ?? lastWhere(contains);
  if (pick !== undefined) return sorted[pick];
  const absStart = startdiff.map(Math.abs);
  const absEnd = enddiff.map(Math.abs);
  const istart = argmin(absStart);
  const iend = argmin(absEnd);
  const [ms, me] = [absStart[istart] ?? Infinity, absEnd[iend] ?? Infinity];
  if (ms < me) return sorted[istart];
  if (ms > me) return sorted[iend];
  return sorted[Math.max(istart, iend)];
}
