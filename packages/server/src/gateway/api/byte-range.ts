// The Range header of a download (RFC 9110 §14.1.2), one range only: "bytes=a-b", "bytes=a-" or
// "bytes=-n". ids.server honours only "bytes=a-" (an offset), so for a single file the gateway
// asks IDS for the offset and ends the stream itself after b; for a zip (length unknown) only an
// offset is passed on (parseOffset).
import { RequestError } from "../../app/error-reply.js";

/**
 * A requested byte range, resolved against the file size.
 *
 * @example
 * ```ts
 * parseRange("bytes=10-19", 100); // { start: 10, end: 19 }
 * ```
 */
export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * Parses a Range header; undefined when there is none or it is not a single bytes range (then
 * the whole file is sent, as RFC 9110 allows).
 *
 * @throws {RequestError} 416 when the range starts past the end of the file.
 * @example
 * ```ts
 * parseRange("bytes=-10", 100); // { start: 90, end: 99 }
 * ```
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) throw new RequestError(416, "RANGE_NOT_SATISFIABLE", `range ${header} asks for no bytes`);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== "" && Number(m[2]) < start) return undefined;
  }
  if (!Number.isSafeInteger(start) || start >= size) throw new RequestError(416, "RANGE_NOT_SATISFIABLE", `range ${header} starts past the end of the ${size}-byte file`);
  return { start, end };
}

/**
 * The offset of a `Range: bytes=N-` header, the one form ids.server's getData accepts (on zips
 * too); undefined for no header or any other form.
 *
 * @example
 * ```ts
 * parseOffset("bytes=1024-"); // 1024
 * parseOffset("bytes=0-99"); // undefined
 * ```
 */
export function parseOffset(header: string | undefined): number | undefined {
  const m = header === undefined ? null : /^bytes=(\d+)-$/.exec(header.trim());
  const offset = m ? Number(m[1]) : undefined;
  return offset !== undefined && Number.isSafeInteger(offset) ? offset : undefined;
}
