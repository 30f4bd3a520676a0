// @catkit/icat/testing: the ICAT sandbox server (and its pairing with the IDS sandbox), and the
// in-memory engine behind it. Loaded only by code that imports this entry point; the client entry
// ("@catkit/icat") never reaches it.
export { startIcatSandbox, readFixtureFile, type IcatSandbox, type IcatSandboxOptions } from "./server/icat-sandbox.js";
export { startIcatAndIdsSandbox, type IcatAndIdsSandbox, type IcatAndIdsSandboxOptions } from "./server/icat-and-ids.js";
export { IcatCatalogue } from "./server/icat-catalogue.js";
export { SessionStore, type SandboxSession, type SessionStoreOptions } from "./server/session-store.js";
export {
  DEFAULT_AUTHENTICATORS,
  authenticate,
  describeAuthenticators,
  parseLoginJson,
  type SandboxAuthenticator,
} from "./server/authenticators.js";
export { ICAT_ERROR_STATUS } from "./server/icat-http.js";
export {
  ICAT_ERROR_CODES,
  IcatEngine,
  IcatEngineError,
  FixtureError,
  MEMBER_WRITABLE,
  PUBLIC_ENTITIES,
  cachedReadCheck,
  createDefaultPolicy,
  mayRead,
  tutorialFixture,
  type AuthorizationPolicy,
  type DatafileRegistration,
  type DefaultPolicyOptions,
  type FixtureObject,
  type FixtureValue,
  type IcatEngineOptions,
  type IcatExceptionType,
  type IcatFixture,
  type ReadScope,
  type Row,
  type StoreView,
  type StoredValue,
  type WriteAccess,
} from "./engine/index.js";
export { FaultInjector, type FaultMatch, type FaultOptions } from "@catkit/core/testing";
