// Layered settings: flags > environment > config file section > defaults (python-icat's order,
// config.py:710-721, without its interactive prompt, which belongs to the CLI).
import { ConfigError } from "../errors/client-errors.js";
import { configCandidates, type ConfigSearch } from "./config-files.js";
import { readIniFile, type IniSections } from "./ini-file.js";
import { parseSettingValue } from "./setting-values.js";
import { DEFAULT_SETTINGS, SETTINGS, type CatkitSettings, type SettingKey } from "./settings.js";

// util.inspect.custom, without loading node:util (3 MiB of resident memory) for every client.
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Where a setting's value came from. */
export type SettingSource =
  | { kind: "flag" }
  | { kind: "env"; name: string }
  | { kind: "file"; file: string; section: string }
  | { kind: "default" };

/** Something worth telling the user that did not stop loading (e.g. an unknown key). */
export interface ConfigDiagnostic {
  file: string;
  section: string;
  key: string;
  message: string;
}

/** Inputs of {@link loadConfig}. */
export interface LoadConfigOptions extends ConfigSearch {
  /** Values from command-line flags (highest priority); undefined entries are ignored. */
  flags?: Partial<Record<SettingKey, string | boolean | undefined>>;
  /** The config file section to use (python-icat -s); default $CATKIT_SECTION or $ICAT_CFG_SECTION. */
  section?: string;
  /** Turn unknown keys into errors instead of diagnostics. */
  strict?: boolean;
}

/** The result of {@link loadConfig}. */
export interface LoadedConfig {
  settings: CatkitSettings;
  sources: Partial<Record<SettingKey, SettingSource>>;
  /** Files that existed and were read. */
  files: string[];
  section: string | undefined;
  diagnostics: ConfigDiagnostic[];
}

const SECRET_KEYS = new Set(SETTINGS.filter((s) => s.secret).map((s) => s.key));

function masked(settings: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings)
      .filter(([, v]) => typeof v !== "function")
      .map(([k, v]) => [k, SECRET_KEYS.has(k as SettingKey) && v !== undefined ? "[REDACTED]" : v]),
  );
}

function maskThis(this: object): Record<string, unknown> {
  return masked(this);
}

interface ParsedFile {
  file: string;
  sections: IniSections;
}

function readSection(parsed: readonly ParsedFile[], section: string, diagnostics: ConfigDiagnostic[], strict: boolean) {
  const values = new Map<SettingKey, { raw: string; file: string }>();
  let found = false;
  const known = new Map(SETTINGS.map((s) => [s.fileKey, s.key]));
  for (const { file, sections } of parsed) {
    const body = sections[section];
    if (body) found = true;
    for (const [key, raw] of Object.entries({ ...sections.DEFAULT, ...body })) {
      const setting = known.get(key);
      if (setting) values.set(setting, { raw, file });
      else if (body && key in body) {
        const message = `unknown key "${key}" (known: ${SETTINGS.map((s) => s.fileKey).join(", ")})`;
        if (strict) throw new ConfigError(message, { file, section, key });
        diagnostics.push({ file, section, key, message });
      }
    }
  }
  return { values, found };
}

/**
 * Resolves settings from flags, environment, config files (python-icat's icat.cfg and
 * catkit.cfg) and defaults. Throws {@link ConfigError} naming file, section and key for bad
 * values or a missing section; unknown keys become diagnostics (or errors with `strict`).
 *
 * @example
 * ```ts
 * const { settings, sources } = loadConfig({ section: "myicat_nbour", flags: { url: argv.url } });
 * if (!settings.url) throw new Error("no ICAT URL: pass --url or set url in icat.cfg");
 * ```
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const section = options.section ?? (env.CATKIT_SECTION || env.ICAT_CFG_SECTION || undefined);
  const diagnostics: ConfigDiagnostic[] = [];
  const candidates = configCandidates(options);
  const parsed = candidates.files.flatMap((file): ParsedFile[] => {
    const sections = readIniFile(file);
    return sections ? [{ file, sections }] : [];
  });
  const files = parsed.map((p) => p.file);
  if (candidates.explicit && files.length === 0) {
    throw new ConfigError("the configuration file does not exist", { file: candidates.files[0] ?? "" });
  }

  let fromFiles = new Map<SettingKey, { raw: string; file: string }>();
  if (section !== undefined) {
    const read = readSection(parsed, section, diagnostics, options.strict ?? false);
    if (!read.found) {
      const where = files.length > 0 ? `in ${files.join(", ")}` : `: no configuration file exists (looked for ${candidates.files.join(", ")})`;
      throw new ConfigError(`section [${section}] not found ${where}`, { section });
    }
    fromFiles = read.values;
  }

  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const sources: Partial<Record<SettingKey, SettingSource>> = {};
  for (const spec of SETTINGS) {
    const flag = options.flags?.[spec.key];
    const envName = spec.env.find((name) => (env[name] ?? "") !== "");
    const file = fromFiles.get(spec.key);
    if (flag !== undefined) {
      settings[spec.key] = parseSettingValue(spec, flag, { key: `--${spec.key}` });
      sources[spec.key] = { kind: "flag" };
    } else if (envName !== undefined) {
      settings[spec.key] = parseSettingValue(spec, env[envName] ?? "", { key: `$${envName}` });
      sources[spec.key] = { kind: "env", name: envName };
    } else if (file && section !== undefined) {
      settings[spec.key] = parseSettingValue(spec, file.raw, { file: file.file, section, key: spec.fileKey });
      sources[spec.key] = { kind: "file", file: file.file, section };
    } else if (spec.key in DEFAULT_SETTINGS) {
      sources[spec.key] = { kind: "default" };
    }
  }
  const result = settings as unknown as CatkitSettings;
  // The password must never reach a log or a snapshot through this object, nor through a copy
  // of it: the masking methods are enumerable (so `{ ...settings }` copies them) and mask `this`
  // (so they mask the copy's values, not the original's).
  Object.defineProperties(result, {
    toJSON: { value: maskThis, enumerable: true },
    [INSPECT]: { value: maskThis, enumerable: true },
  });
  return { settings: result, sources, files, section, diagnostics };
}
