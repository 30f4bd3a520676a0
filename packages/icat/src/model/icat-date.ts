// ICAT's wire format for dates: SimpleDateFormat "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" (icat.server
// ICATRest.java:96 for output, EntityBeanManager.java:120 for input). The server writes dates in its
// JVM default zone; catkit's sandbox writes UTC, where XXX renders the offset as "Z".
import { InvalidArgumentError } from "@catkit/core";
import { IcatErrorCode } from "../errors/icat-error-codes.js";

const ICAT_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})(Z|[+-]\d{2}:\d{2})$/;

/**
 * Thrown by {@link parseIcatDate} for text that is not an ICAT date (code ICAT_DATE_FORMAT).
 *
 * @example
 * ```ts
 * try { parseIcatDate("2001-01-01T17:59:00Z"); } catch (e) { e instanceof IcatDateFormatError; } // true
 * ```
 */
export class IcatDateFormatError extends InvalidArgumentError {
  static override readonly kind: string = "catkit.IcatDateFormatError";
  readonly text: string;

  constructor(text: string) {
    super(
      `Badly formatted date ${JSON.stringify(text)}: ICAT dates are yyyy-MM-dd'T'HH:mm:ss.SSSXXX ` +
        `with milliseconds and a zone, e.g. 2001-01-01T17:59:00.000Z`,
      { code: IcatErrorCode.DateFormat },
    );
    this.text = text;
  }
}

const pad = (n: number, width = 2): string => String(Math.trunc(n)).padStart(width, "0");

/**
 * Formats a date the way icat.server writes it, in UTC by default (`…T17:59:00.000Z`), or at a
 * fixed offset from UTC given in minutes (`…T18:59:00.000+01:00`).
 *
 * @example
 * ```ts
 * formatIcatDate(new Date(Date.UTC(2001, 0, 1, 17, 59))); // "2001-01-01T17:59:00.000Z"
 * formatIcatDate(new Date(Date.UTC(2001, 0, 1, 17, 59)), { offsetMinutes: 120 }); // "2001-01-01T19:59:00.000+02:00"
 * ```
 */
export function formatIcatDate(date: Date, options: { offsetMinutes?: number } = {}): string {
  const offset = options.offsetMinutes ?? 0;
  const t = new Date(date.getTime() + offset * 60_000);
  if (Number.isNaN(t.getTime())) {
    throw new RangeError("formatIcatDate: the date is invalid (NaN)");
  }
  const zone =
    offset === 0
      ? "Z"
      : `${offset < 0 ? "-" : "+"}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`;
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}` +
    `.${pad(t.getUTCMilliseconds(), 3)}${zone}`
  );
}

/**
 * Parses an ICAT date. Like icat.server it requires the milliseconds and the zone
 * (`2001-01-01T17:59:00Z` is rejected: "Badly formatted date"); unlike the server's lenient
 * SimpleDateFormat it also rejects out-of-range fields such as month 13.
 *
 * @throws {@link IcatDateFormatError} when `text` is not in ICAT's format.
 * @example
 * ```ts
 * parseIcatDate("2001-01-01T18:59:00.000+01:00").toISOString(); // "2001-01-01T17:59:00.000Z"
 * ```
 */
export function parseIcatDate(text: string): Date {
  const m = ICAT_DATE.exec(text);
  if (m === null) {
    throw new IcatDateFormatError(text);
  }
  const [year, month, day, hour, minute, second, milli] = m.slice(1, 8).map(Number) as [
    number, number, number, number, number, number, number,
  ];
  const zone = m[8] ?? "Z";
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  check.setUTCHours(hour, minute, second, milli);
  const utc = check.getTime();
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 && minute < 60 && second < 60;
  const offset = zone === "Z" ? 0 : zoneMinutes(zone);
  if (!valid || offset === undefined) {
    throw new IcatDateFormatError(text);
  }
  return new Date(utc - offset * 60_000);
}

function zoneMinutes(zone: string): number | undefined {
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) {
    return undefined;
  }
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
}
