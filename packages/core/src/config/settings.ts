// The settings catkit's CLI and server share, and where each may come from. File keys and
// environment variables are python-icat's (config.py: url/ICAT_SERVICE, idsurl/
// ICAT_DATA_SERVICE, auth/ICAT_AUTH, username/ICAT_USER, checkCert, http(s)_proxy, no_proxy)
// so icat.cfg files keep working; CATKIT_* variables come first when both are set.

/** Resolved settings. Secrets are masked when the object is logged or serialised. */
export interface CatkitSettings {
  /** ICAT service URL. */
  url?: string;
  /** IDS URL. */
  idsUrl?: string;
  /** ICAT authenticator mnemonic (e.g. "db", "simple", "ldap"). */
  auth?: string;
  username?: string;
  password?: string;
  /** Ask for the password interactively (python-icat promptPass). */
  promptPass: boolean;
  /** Verify TLS certificates (python-icat checkCert; default true). */
  checkCert: boolean;
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/** A setting's name. */
export type SettingKey = keyof CatkitSettings;

/** How a setting is read and checked. */
export interface SettingSpec {
  key: SettingKey;
  /** Lower-case key in icat.cfg / catkit.cfg. */
  fileKey: string;
  /** Environment variables, highest priority first. */
  env: readonly string[];
  type: "url" | "string" | "boolean";
  secret?: boolean;
  description: string;
}

/**
 * Every setting catkit reads.
 *
 * @example
 * ```ts
 * SETTINGS.find((s) => s.key === "idsUrl")?.env; // ["CATKIT_IDS_URL", "ICAT_DATA_SERVICE"]
 * ```
 */
export const SETTINGS: readonly SettingSpec[] = [
  { key: "url", fileKey: "url", env: ["CATKIT_ICAT_URL", "ICAT_SERVICE"], type: "url", description: "ICAT service URL" },
  { key: "idsUrl", fileKey: "idsurl", env: ["CATKIT_IDS_URL", "ICAT_DATA_SERVICE"], type: "url", description: "IDS URL" },
  { key: "auth", fileKey: "auth", env: ["CATKIT_AUTH", "ICAT_AUTH"], type: "string", description: "ICAT authenticator" },
  { key: "username", fileKey: "username", env: ["CATKIT_USERNAME", "ICAT_USER"], type: "string", description: "user name" },
  { key: "password", fileKey: "password", env: ["CATKIT_PASSWORD"], type: "string", secret: true, description: "password" },
  { key: "promptPass", fileKey: "promptpass", env: [], type: "boolean", description: "prompt for the password" },
  { key: "checkCert", fileKey: "checkcert", env: ["CATKIT_CHECK_CERT"], type: "boolean", description: "verify TLS certificates" },
  { key: "httpProxy", fileKey: "http_proxy", env: ["http_proxy", "HTTP_PROXY"], type: "url", description: "HTTP proxy" },
  { key: "httpsProxy", fileKey: "https_proxy", env: ["https_proxy", "HTTPS_PROXY"], type: "url", description: "HTTPS proxy" },
  { key: "noProxy", fileKey: "no_proxy", env: ["no_proxy", "NO_PROXY"], type: "string", description: "hosts reached without proxy" },
];

/** Defaults for settings that always have a value. */
export const DEFAULT_SETTINGS: Pick<CatkitSettings, "promptPass" | "checkCert"> = { promptPass: false, checkCert: true };
