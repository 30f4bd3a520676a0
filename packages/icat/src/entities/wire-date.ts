// Reading the dates of ICAT's answers fast: icat.server writes them with SimpleDateFormat
// "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" (ICATRest.java), always well formed, and objects of one write
// share them (modTime = createTime until an update), so the last text read is remembered. The
// memory belongs to one reader, made per answer (parse-rows.ts, parse-entity.ts): nothing is
// shared between answers, clients or concurrent reads. Text of another shape goes to
// parseIcatDate. A bad date is answered with `undefined`, not thrown: the caller names the field
// (read-helpers.ts badDate), and a try/catch around every date measurably slows paging.
import { parseIcatDate } from "../model/index.js";

const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})$/;

function readOtherShape(text: string): Date | undefined {
  try {
    return parseIcatDate(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads the ICAT date strings of one server answer into new Dates, remembering the last one.
 *
 * @example
 * ```ts
 * const dates = new WireDateReader();
 * dates.read("2023-06-28T14:14:26.000+02:00").toISOString(); // "2023-06-28T12:14:26.000Z"
 * ```
 */
export class WireDateReader {
  #lastText = "";
  #lastTime = Number.NaN;

  /**
   * A new Date for an ICAT date string, or `undefined` when the text is not an ICAT date.
   *
   * @example
   * ```ts
   * new WireDateReader().read("2023-06-28T12:00:00.000Z")?.getTime(); // 1687953600000
   * new WireDateReader().read("2023-06-28T12:00:00Z"); // undefined
   * ```
   */
  read(text: string): Date | undefined {
    if (text === this.#lastText) return new Date(this.#lastTime);
    const time = SHAPE.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(time)) return readOtherShape(text);
    this.#lastText = text;
    this.#lastTime = time;
    return new Date(time);
  }
}
