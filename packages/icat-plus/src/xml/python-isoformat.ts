// Python's datetime.isoformat() of an aware datetime, as pyicat-plus sends dates
// (`datetime.now().astimezone().isoformat()`): local wall time, microseconds only when non-zero
// and then always six digits, and the UTC offset "+HH:MM".
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";

const two = (n: number) => String(n).padStart(2, "0");

/**
 * Formats `date` in the process's local time zone like Python's `dt.astimezone().isoformat()`,
 * or at a fixed offset (minutes east of UTC) when `offsetMinutes` is given.
 *
 * @throws {InvalidMetadataError} for an invalid Date.
 * @example
 * ```ts
 * pythonIsoformat(new Date("2024-03-01T09:00:00Z"), 60); // "2024-03-01T10:00:00+01:00"
 * ```
 */
export function pythonIsoformat(date: Date, offsetMinutes?: number, field = "date"): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new InvalidMetadataError(`${field} is an invalid Date`, { argument: field });
  const offset = offsetMinutes ?? -new Date(time).getTimezoneOffset();
  const local = new Date(time + offset * 60_000);
  const ms = local.getUTCMilliseconds();
  const abs = Math.abs(offset);
  return (
    `${String(local.getUTCFullYear()).padStart(4, "0")}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}` +
    `T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}` +
    (ms === 0 ? "" : `.${String(ms).padStart(3, "0")}000`) +
    `${offset < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Checks that a date given as a string is an ISO 8601 date-time (pyicat-plus passes strings
 * through unchecked; an unparseable date would only fail later, in the ingester).
 *
 * @throws {InvalidMetadataError} naming the field.
 * @example
 * ```ts
 * checkIsoDateTime("2024-03-01T10:00:00+01:00", "startDate");
 * ```
 */
export function checkIsoDateTime(text: string, field: string): void {
  const m = ISO_DATETIME.exec(text);
  const ok =
    m !== null &&
    Number(m[2]) >= 1 && Number(m[2]) <= 12 &&
    Number(m[3]) >= 1 && Number(m[3]) <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate() &&
    Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6] ?? 0) <= 59;
  if (!ok) {
    throw new InvalidMetadataError(
      `${field} must be an ISO 8601 date-time such as 2024-03-01T10:00:00+01:00, got ${JSON.stringify(text)}`,
      { argument: field },
    );
  }
}
