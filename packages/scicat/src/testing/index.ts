// @catkit/scicat/testing: a wire-faithful SciCat backend sandbox for tests. Not loaded by the
// client entry point.
export { DEFAULT_ACCOUNTS, DEFAULT_GROUPS, DEFAULT_LDAP_ACCOUNTS, type FunctionalAccount, type LdapAccount, type SandboxGroups } from "./accounts.js";
export { SIZE_ACCOUNTING } from "./routes/origdatablock-routes.js";
export { startScicatSandbox, type ScicatSandbox, type ScicatSandboxOptions } from "./scicat-sandbox.js";
export type { Doc, SandboxState } from "./state.js";
