// Functional accounts, as the backend reads them from functionalAccounts.json
// (FUNCTIONAL_ACCOUNTS_FILE): local accounts whose `role` becomes the user's group on login
// (BE:test/config/functionalAccounts.json; SCT:src/scitacean/testing/backend/config.py).

/**
 * One entry of functionalAccounts.json.
 *
 * @example
 * ```ts
 * const account: FunctionalAccount = { username: "bob", password: "pw", email: "bob@x.org", role: "group9" };
 * ```
 */
export interface FunctionalAccount {
  username: string;
  password: string;
  email: string;
  /** Becomes the user's group. */
  role: string;
  global?: boolean;
}

/**
 * A user known to the directory behind the backend's LDAP strategy (LDAP_URL …): logs in
 * through /api/v3/auth/ldap or its legacy name /api/v3/auth/msad, never through auth/login.
 * `accessGroups` is what the access-group service would find for the user
 * (BE:src/auth/strategies/ldap.strategy.ts, access-group-provider).
 *
 * @example
 * ```ts
 * const user: LdapAccount = { username: "jdoe", password: "pw", email: "jdoe@x.org", accessGroups: ["group1"] };
 * ```
 */
export interface LdapAccount {
  username: string;
  password: string;
  email: string;
  accessGroups: string[];
}

/**
 * One directory user, in group1 (like user1 of the functional accounts).
 *
 * @example
 * ```ts
 * await startScicatSandbox({ ldapAccounts: [...DEFAULT_LDAP_ACCOUNTS, { username: "jdoe", password: "pw", email: "jdoe@x.org", accessGroups: ["group9"] }] });
 * ```
 */
export const DEFAULT_LDAP_ACCOUNTS: readonly LdapAccount[] = [{ username: "ldapuser", password: "ldap-s3cret", email: "ldapuser@your.site", accessGroups: ["group1"] }];

/**
 * Which groups may do what (the backend's *_GROUPS settings, BE:src/config/configuration.ts).
 *
 * @example
 * ```ts
 * const groups: Partial<SandboxGroups> = { proposal: ["ingestor"] };
 * ```
 */
export interface SandboxGroups {
  /** ADMIN_GROUPS: everything except delete. */
  admin: readonly string[];
  /** CREATE_DATASET_PRIVILEGED_GROUPS: any ownerGroup, may set a pid. */
  createDatasetPrivileged: readonly string[];
  /** CREATE_DATASET_WITH_PID_GROUPS: may supply a pid for their own groups. */
  createDatasetWithPid: readonly string[];
  /** DELETE_GROUPS. */
  delete: readonly string[];
  /** PROPOSAL_GROUPS: may create proposals. */
  proposal: readonly string[];
}

/**
 * The accounts of scitacean's backend fixture (SCT config.py), plus an admin and an archive manager.
 *
 * @example
 * ```ts
 * const sandbox = await startScicatSandbox({ accounts: [...DEFAULT_ACCOUNTS, { username: "bob", password: "pw", email: "bob@x.org", role: "group9" }] });
 * ```
 */
export const DEFAULT_ACCOUNTS: readonly FunctionalAccount[] = [
  { username: "admin", password: "2jf70TPNZsS", email: "scicatadmin@your.site", role: "admin", global: true },
  { username: "ingestor", password: "aman", email: "scicatingestor@your.site", role: "ingestor", global: false },
  { username: "archiveManager", password: "aman", email: "scicatarchivemanager@your.site", role: "archivemanager", global: false },
  { username: "proposalIngestor", password: "aman", email: "scicatproposalingestor@your.site", role: "proposalingestor", global: false },
  ...[1, 2, 3, 4, 5].map((n) => ({ username: `user${n}`, password: `a609316768619f154ef58db4d847b75e`, email: `user${n}@your.site`, role: `group${n}`, global: false })),
];

/**
 * Default group settings: ingestor privileged as in the backend's test configuration.
 *
 * @example
 * ```ts
 * await startScicatSandbox({ groups: { ...DEFAULT_GROUPS, delete: ["admin"] } });
 * ```
 */
export const DEFAULT_GROUPS: SandboxGroups = {
  admin: ["admin"],
  createDatasetPrivileged: ["ingestor"],
  createDatasetWithPid: ["ingestor"],
  delete: ["archivemanager"],
  proposal: ["proposalingestor"],
};

/** The authenticated caller as the guards see it (JWTUser). */
export interface SandboxUser {
  _id: string;
  username: string;
  email: string;
  currentGroups: string[];
  /** "local" for functional accounts, "ldap" for directory users. */
  authStrategy: "local" | "ldap";
}
