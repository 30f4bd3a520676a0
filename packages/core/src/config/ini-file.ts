// python-icat reads icat.cfg with Python's configparser (strict mode, its defaults), so catkit
// reads it with the same rules (Lib/configparser.py, RawConfigParser._read):
// - `key = value` and `key: value`, split at the first `=` or `:`; keys are lower-cased
//   (optionxform), keys and values stripped; nothing else is done to a value: quotes stay part of
//   it, `;` and `#` inside it are not comments (no inline comment prefixes), `password[]` is a key
//   of its own;
// - comment lines start with `#` or `;`, possibly indented; blank lines are skipped;
// - a line indented deeper than its key continues the value (joined with "\n");
// - `[name]` headers, dots and all, taken literally; a section or a key twice in one file is an
//   error (DuplicateSectionError / DuplicateOptionError), as is a key before any section
//   (MissingSectionHeaderError); a UTF-8 byte order mark is skipped;
// - [DEFAULT] supplies values to every section (applied by the caller).
// The `ini` package implements other rules (quotes stripped, `key[]` arrays, duplicates merged),
// and no maintained npm package implements configparser's, so these few line rules live here.
// Error messages name the file, line, section and key but never quote a value or a line: a
// malformed `password Hunter2` line must not print the password.
import { readFileSync } from "node:fs";
import { ConfigError } from "../errors/client-errors.js";

/** Sections of an INI file: section → lower-cased key → value. */
export type IniSections = Record<string, Record<string, string>>;

const COMMENT_OR_BLANK = /^\s*([#;].*)?$/;
const SECTION = /^\[(.+)\]\s*$/;

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
  const sections: IniSections = {};
  let current: { name: string; values: Record<string, string> } | undefined;
  let last: { key: string; indent: number } | undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (COMMENT_OR_BLANK.test(line)) return;
    const indent = line.length - line.trimStart().length;
    if (current && last && indent > last.indent) {
      current.values[last.key] += `\n${line.trim()}`;
      return;
    }
    last = undefined;
    const header = SECTION.exec(line);
    if (header?.[1] !== undefined && indent === 0) {
      const name = header[1];
      if (Object.hasOwn(sections, name)) {
        throw new ConfigError(`line ${lineNo}: section [${name}] appears twice in this file; merge the two`, { file, section: name });
      }
      current = { name, values: {} };
      sections[name] = current.values;
      return;
    }
    const at = line.search(/[=:]/);
    if (at <= indent) {
      throw new ConfigError(`line ${lineNo} is neither a [section], a comment nor "key = value" (the line is not shown: it may hold a secret)`, { file });
    }
    const key = line.slice(0, at).trim().toLowerCase();
    if (!current) {
      throw new ConfigError(`line ${lineNo}: "${key}" appears before any [section]; put settings under a section header`, { file, key });
    }
    if (Object.hasOwn(current.values, key)) {
      throw new ConfigError(`line ${lineNo}: "${key}" is set twice in [${current.name}]; keep one`, { file, section: current.name, key });
    }
    current.values[key] = line.slice(at + 1).trim();
    last = { key, indent };
  });
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
