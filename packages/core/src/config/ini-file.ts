// python-icat reads icat.cfg with Python's configparser; the `ini` package reads INI with
// different rules. We normalise configparser syntax into what `ini` reads the same way:
// - `key: value` as well as `key = value` (configparser splits at the first `=` or `:`);
// - no inline comments: `password = a;b` keeps "a;b" (configparser's default), so `;`, `#`
//   and `\` in values are escaped for `ini`;
// - dots in section names stay literal (`ini` would nest `[icat.example.org]`);
// - keys are case-insensitive (configparser's optionxform lower-cases them);
// - indented continuation lines extend the previous value;
// - [DEFAULT] supplies values to every section (applied by the caller).
import { readFileSync } from "node:fs";
import { parse } from "ini";
import { ConfigError } from "../errors/client-errors.js";

/** Sections of an INI file: section → lower-cased key → value. */
export type IniSections = Record<string, Record<string, string>>;

const escapeValue = (value: string) => value.replace(/[\\;#]/g, (c) => `\\${c}`);
// `ini` reads one line per key, so continuation newlines travel as a private-use character.
const NEWLINE_MARK = "\uE000";

function normalise(text: string, file: string): string {
  const out: string[] = [];
  let lastKey: { index: number; key: string; value: string } | undefined;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*([#;].*)?$/.test(line)) {
      out.push("");
      return;
    }
    if (/^\s/.test(line) && lastKey) {
      lastKey.value += `${NEWLINE_MARK}${line.trim()}`;
      out[lastKey.index] = `${lastKey.key} = ${escapeValue(lastKey.value)}`;
      out.push("");
      return;
    }
    const section = /^\[(.+)\]\s*$/.exec(line);
    if (section?.[1] !== undefined) {
      lastKey = undefined;
      out.push(`[${section[1].trim().replace(/\./g, "\\\\.")}]`);
      return;
    }
    const at = line.search(/[=:]/);
    if (at <= 0) throw new ConfigError(`line ${i + 1} is neither a [section], a comment nor "key = value": ${JSON.stringify(line.trim())}`, { file });
    const key = line.slice(0, at).trim().toLowerCase();
    const value = line.slice(at + 1).trim();
    lastKey = { index: out.length, key, value };
    out.push(`${key} = ${escapeValue(value)}`);
  });
  return out.join("\n");
}

/**
 * Parses configparser-style INI text.
 *
 * @example
 * ```ts
 * parseIni("[root]\nurl = https://icat.example.org\nauth: simple\n", "icat.cfg");
 * // { root: { url: "https://icat.example.org", auth: "simple" } }
 * ```
 */
export function parseIni(text: string, file: string): IniSections {
  const parsed = parse(normalise(text, file)) as Record<string, unknown>;
  const sections: IniSections = {};
  for (const [name, body] of Object.entries(parsed)) {
    if (typeof body !== "object" || body === null) {
      throw new ConfigError(`"${name}" appears before any [section]; put settings under a section header`, { file, key: name });
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) values[key] = value === true ? "" : String(value).replaceAll(NEWLINE_MARK, "\n");
    sections[name] = values;
  }
  return sections;
}

/**
 * Reads and parses an INI file; undefined when it does not exist.
 *
 * @example
 * ```ts
 * const sections = readIniFile("/etc/icat/icat.cfg");
 * ```
 */
export function readIniFile(file: string): IniSections | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(`cannot read the file: ${(err as Error).message}`, { file }, { cause: err });
  }
  return parseIni(text, file);
}
