// Reading the dates of ICAT's answers fast: icat.server writes them with SimpleDateFormat
// "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" (ICATRest.java), always well formed, and objects of one write
// share them (modTime = createTime until an update), so the last text read is remembered. Text
// of another shape goes to parseIcatDate, which says what is wrong with it.
import { parseIcatDate } from "../model/index.js";

const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})$/;
let lastText = "";
let lastTime = Number.NaN;

/**
 * A new Date for an ICAT date string from a server answer.
 *
 * @throws {IcatDateFormatError} for text that is not an ICAT date.
 * @example
 * ```ts
 * parseWireDate("2023-06-28T14:14:26.000+02:00").toISOString(); // "2023-06-28T12:14:26.000Z"
 * ```
 */
export function parseWireDate(text: string): Date {
  if (text === lastText) return new Date(lastTime);
  const time = SHAPE.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) return parseIcatDate(text);
  lastText = text;
  lastTime = time;
  return new Date(time);
}
