import { ConfigError, type ConfigLocation } from "../errors/client-errors.js";
import type { SettingSpec } from "./settings.js";

const TRUE = new Set(["1", "yes", "true", "on"]);
const FALSE = new Set(["0", "no", "false", "off"]);

// Errors name where a value came from (file, section, key, flag or variable) but never the value:
// a password typed into the wrong key, or a URL with credentials, must not reach a terminal or log.

/**
 * Converts a raw setting value to its type, with python-icat's boolean spellings
 * (configparser getboolean: 1/yes/true/on, 0/no/false/off, any case).
 *
 * @example
 * ```ts
 * parseSettingValue(checkCertSpec, "No", { file: "icat.cfg", section: "root", key: "checkCert" }); // false
 * ```
 */
export function parseSettingValue(spec: SettingSpec, raw: string | boolean, where: ConfigLocation): string | boolean {
  if (spec.type === "boolean") {
    if (typeof raw === "boolean") return raw;
    const v = raw.trim().toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    throw new ConfigError(`${spec.key} must be a boolean (yes/no, true/false, on/off, 1/0); the value given is not one`, where);
  }
  const text = String(raw).trim();
  if (text === "") throw new ConfigError(`${spec.key} is empty; give a value or remove the line`, where);
  if (spec.type === "url") {
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      // The value is not quoted back: a URL may carry user:password.
      throw new ConfigError(`${spec.key} must be an http(s) URL such as https://icat.example.org; the value given is not one`, where);
    }
  }
  return text;
}
