// @catkit/core/config: layered settings and python-icat's icat.cfg. A subpath of its own (issue 8
// §3) so that a client that never reads a configuration file does not load this code: the main
// entry point of @catkit/core never imports it. ConfigError stays in the main entry (errors).
export { configCandidates, type ConfigCandidates, type ConfigSearch } from "./config-files.js";
export { parseIni, readIniFile, type IniSections } from "./ini-file.js";
export { loadConfig, type ConfigDiagnostic, type LoadConfigOptions, type LoadedConfig, type SettingSource } from "./load-config.js";
export { DEFAULT_SETTINGS, SETTINGS, type CatkitSettings, type SettingKey, type SettingSpec } from "./settings.js";
