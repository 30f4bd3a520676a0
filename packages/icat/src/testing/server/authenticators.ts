// The sandbox's authenticators: user/password tables, answering as authn.simple does
// (SIMPLE_Authenticator.java: "username cannot be null or empty.", "The username and password do
// not match "), with user names prefixed by the mechanism ("db/nbour"), as icat.server builds
// them from the authenticator's answer (PropertyHandler.java).
import { IcatEngineError } from "../engine/index.js";

/**
 * One authenticator of the sandbox.
 *
 * @example
 * ```ts
 * const auth: SandboxAuthenticator = { mnemonic: "simple", users: { root: "secret" }, admin: true };
 * ```
 */
export interface SandboxAuthenticator {
  /** The `plugin` name clients log in with, e.g. "db" or "simple". */
  readonly mnemonic: string;
  /** User name → password. */
  readonly users: Readonly<Record<string, string>>;
  /** Put in front of user names ("db" → "db/nbour"); default the mnemonic; `null` for none. */
  readonly mechanism?: string | null;
  /** Shown as `admin: true` in `properties`. */
  readonly admin?: boolean;
  /** Shown as `friendly` in `properties`. */
  readonly friendly?: string;
}

/**
 * The default: authenticator "db" with the users of python-icat's tutorial (root, nbour, jdoe,
 * rbeck, ahau, acord), all with the password "secret", as in python-icat's example icat.cfg.
 *
 * @example
 * ```ts
 * await icat.login("db", { username: "nbour", password: "secret" });
 * ```
 */
export const DEFAULT_AUTHENTICATORS: readonly SandboxAuthenticator[] = [
  {
    mnemonic: "db",
    users: { root: "secret", nbour: "secret", jdoe: "secret", rbeck: "secret", ahau: "secret", acord: "secret" },
  },
];

/**
 * The `authenticators` entry of `properties` for each authenticator (AuthenticatorInfo): the
 * credential keys authn.simple describes, `hide` on the password.
 *
 * @example
 * ```ts
 * describeAuthenticators(DEFAULT_AUTHENTICATORS); // [{ mnemonic: "db", keys: [{ name: "username" }, { name: "password", hide: true }] }]
 * ```
 */
export function describeAuthenticators(authenticators: readonly SandboxAuthenticator[]): object[] {
  return authenticators.map((a) => ({
    mnemonic: a.mnemonic,
    keys: [{ name: "username" }, { name: "password", hide: true }],
    ...(a.admin ? { admin: true } : {}),
    ...(a.friendly === undefined ? {} : { friendly: a.friendly }),
  }));
}

/**
 * Reads the login `json` as icat.server does (ICATRest.login): with a streaming parser, taking
 * `plugin` from a string value under that key, and every string value inside the `credentials`
 * array under the key just before it, so `[{"username":"u"},{"password":"p"}]` and
 * `[{"username":"u","password":"p"}]` both work.
 *
 * @throws {IcatEngineError} BAD_PARAMETER for a missing json, INTERNAL for JSON that does not
 *   parse or that trips the server's parser (as a Java exception would).
 * @example
 * ```ts
 * parseLoginJson('{"plugin":"db","credentials":[{"username":"nbour"},{"password":"secret"}]}');
 * // { plugin: "db", credentials: Map { "username" → "nbour", "password" → "secret" } }
 * ```
 */
export function parseLoginJson(json: string | null): { plugin: string | undefined; credentials: Map<string, string> } {
  if (json === null) throw new IcatEngineError("BAD_PARAMETER", "json must not be null");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new IcatEngineError("INTERNAL", `class jakarta.json.stream.JsonParsingException ${e instanceof Error ? e.message : String(e)}`);
  }
  let plugin: string | undefined;
  const credentials = new Map<string, string>();
  let key: string | null = null;
  let inCredentials = false;
  const npe = () => new IcatEngineError("INTERNAL", 'class java.lang.NullPointerException Cannot invoke "String.equals(Object)" because "key" is null');
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (key === null) throw npe();
      if (key === "credentials") inCredentials = true;
      for (const item of v) walk(item);
      inCredentials = false; // any END_ARRAY ends it, as in the server's event loop
    } else if (typeof v === "object" && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        key = k;
        walk(item);
      }
    } else if (typeof v === "string") {
      if (inCredentials) credentials.set(key ?? "null", v);
      else if (key === null) throw npe();
      else if (key === "plugin") plugin = v;
    }
  };
  walk(value);
  return { plugin, credentials };
}

/**
 * Logs a user in: the authenticator by mnemonic, then its user table. Returns the ICAT user name.
 *
 * @throws {IcatEngineError} SESSION with icat.server's or the authenticator's message.
 * @example
 * ```ts
 * authenticate(DEFAULT_AUTHENTICATORS, "db", new Map([["username", "nbour"], ["password", "secret"]])); // "db/nbour"
 * ```
 */
export function authenticate(authenticators: readonly SandboxAuthenticator[], plugin: string | undefined, credentials: ReadonlyMap<string, string>): string {
  const authenticator = authenticators.find((a) => a.mnemonic === plugin);
  if (authenticator === undefined) throw new IcatEngineError("SESSION", `Authenticator mnemonic ${String(plugin ?? null)} not recognised`);
  const username = credentials.get("username");
  const password = credentials.get("password");
  if (!username) throw new IcatEngineError("SESSION", "username cannot be null or empty.");
  if (!password) throw new IcatEngineError("SESSION", "password cannot be null or empty.");
  if (!Object.hasOwn(authenticator.users, username) || authenticator.users[username] !== password) {
    throw new IcatEngineError("SESSION", "The username and password do not match ");
  }
  const mechanism = authenticator.mechanism === undefined ? authenticator.mnemonic : authenticator.mechanism;
  return mechanism === null ? username : `${mechanism}/${username}`;
}
