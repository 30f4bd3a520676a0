// The in-memory engine of the ICAT sandbox server (no HTTP): store, query language, writes,
// authorization, rendering and fixtures.
export { IcatEngine, type IcatEngineOptions } from "./icat-engine.js";
export { ICAT_ERROR_CODES, IcatEngineError, type IcatExceptionType } from "./icat-engine-error.js";
export type { DatafileRegistration } from "./register-datafile.js";
export {
  cachedReadCheck,
  mayRead,
  type AuthorizationPolicy,
  type ReadScope,
  type WriteAccess,
} from "./authz/authorization-policy.js";
export {
  MEMBER_WRITABLE,
  PUBLIC_ENTITIES,
  createDefaultPolicy,
  type DefaultPolicyOptions,
} from "./authz/default-policy.js";
export { FixtureError, type FixtureObject, type FixtureValue, type IcatFixture } from "./fixtures/fixture-format.js";
export { tutorialFixture } from "./fixtures/tutorial-fixture.js";
export type { Row, StoredValue } from "./store/row.js";
export type { StoreView } from "./store/store-view.js";
