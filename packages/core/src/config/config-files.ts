// Where configuration files are looked for. python-icat's icat.cfg locations (config.py:27-38)
// come first, then catkit's own catkit.cfg; every file found is read and later files override
// earlier ones key by key (configparser.read semantics).
import { homedir } from "node:os";
import { join } from "node:path";

/** Inputs of the file search; all default to the real environment. */
export interface ConfigSearch {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  home?: string;
  /** An explicit file: replaces the search (python-icat -c / ICAT_CFG, catkit CATKIT_CONFIG). */
  configFile?: string;
}

/** Candidate files in reading order, and whether the list came from an explicit choice. */
export interface ConfigCandidates {
  files: string[];
  explicit: boolean;
}

/**
 * Lists the configuration files to read, in order.
 *
 * @example
 * ```ts
 * configCandidates({ home: "/home/ada", cwd: "/work" }).files;
 * // ["/etc/icat/icat.cfg", "/home/ada/.config/icat/icat.cfg", "/home/ada/.icat/icat.cfg", "/work/icat.cfg",
 * //  "/etc/catkit/catkit.cfg", "/home/ada/.config/catkit/catkit.cfg", "/work/catkit.cfg"]
 * ```
 */
export function configCandidates(search: ConfigSearch = {}): ConfigCandidates {
  const env = search.env ?? process.env;
  const explicit = search.configFile ?? env.CATKIT_CONFIG ?? env.ICAT_CFG;
  if (explicit !== undefined && explicit !== "") return { files: [explicit], explicit: true };
  const home = search.home ?? homedir();
  const cwd = search.cwd ?? process.cwd();
  const xdg = env.XDG_CONFIG_HOME ?? join(home, ".config");
  return {
    explicit: false,
    files: [
      "/etc/icat/icat.cfg",
      join(home, ".config", "icat", "icat.cfg"),
      join(home, ".icat", "icat.cfg"),
      join(cwd, "icat.cfg"),
      "/etc/catkit/catkit.cfg",
      join(xdg, "catkit", "catkit.cfg"),
      join(cwd, "catkit.cfg"),
    ],
  };
}
