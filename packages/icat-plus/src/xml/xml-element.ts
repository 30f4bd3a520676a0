// One `tns:` element with text, written as ElementTree writes it: an empty text gives the
// short form with a space before the slash ("<tns:value />").
import { xmlText } from "./xml-text.js";

/**
 * The ICAT ingest namespace, registered by pyicat-plus under the prefix "tns".
 *
 * @example
 * ```ts
 * ICAT_NAMESPACE; // "http://www.esrf.fr/icat"
 * ```
 */
export const ICAT_NAMESPACE = "http://www.esrf.fr/icat";

/**
 * `<tns:NAME>text</tns:NAME>`, or `<tns:NAME />` for empty text.
 *
 * @example
 * ```ts
 * element("name", "a&b"); // "<tns:name>a&amp;b</tns:name>"
 * ```
 */
export function element(name: string, text: string, field = name): string {
  return text === "" ? `<tns:${name} />` : `<tns:${name}>${xmlText(text, field)}</tns:${name}>`;
}
