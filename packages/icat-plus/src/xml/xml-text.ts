// Text content as ElementTree.tostring(root) writes it with its default us-ascii encoding: only
// &, < and > are escaped; quotes, tab, CR and LF stay raw; every non-ASCII code point becomes one
// decimal character reference ("😀" → "&#128512;", never a surrogate pair).
//
// Where catkit differs on purpose: characters XML 1.0 cannot carry (C0 controls other than tab,
// LF, CR; U+FFFE/U+FFFF; lone surrogates) are rejected. ElementTree writes them raw, producing a
// message the ingester's XML parser rejects — and a NUL would cut the STOMP frame short, since
// pyicat-plus frames carry no content-length.
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";

/**
 * Escapes `text` for an element body, ASCII-only.
 *
 * @throws {InvalidMetadataError} for a character XML 1.0 cannot carry.
 * @example
 * ```ts
 * xmlText("a<b & é"); // "a&lt;b &amp; &#233;"
 * ```
 */
export function xmlText(text: string, field = "value"): string {
  let out = "";
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x26 && c !== 0x3c && c !== 0x3e) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    out += text.slice(plainFrom, i);
    if (c === 0x26) out += "&amp;";
    else if (c === 0x3c) out += "&lt;";
    else if (c === 0x3e) out += "&gt;";
    else if (c === 0x7f) out += "\x7f";
    else {
      const cp = text.codePointAt(i) ?? c;
      const lone = cp >= 0xd800 && cp <= 0xdfff;
      if (c < 0x20 || lone || cp === 0xfffe || cp === 0xffff) {
        throw new InvalidMetadataError(
          `${field} contains U+${cp.toString(16).toUpperCase().padStart(4, "0")}, which XML cannot carry; remove it`,
          { argument: field },
        );
      }
      out += `&#${cp};`;
      if (cp > 0xffff) i++;
    }
    plainFrom = i + 1;
  }
  return out + text.slice(plainFrom);
}
