// @catkit/ids/testing: the IDS sandbox server. Loaded only by code that imports this entry
// point; the client entry ("@catkit/ids") never reaches it. Zips need the optional peer yazl.
export { startIdsSandbox, type IdsSandbox, type IdsSandboxOptions, type SandboxDatafileInit } from "./ids-sandbox.js";
export {
  CatalogueError,
  type CatalogueDatafile,
  type CatalogueDataset,
  type CatalogueSelection,
  type IcatExceptionType,
  type IdsCatalogue,
  type NewDatafile,
  type ResolvedSelection,
} from "./catalogue.js";
export { withCatalogueLatency } from "./catalogue-latency.js";
export { InMemoryCatalogue, type MemoryDatafile } from "./memory-catalogue.js";
export type { MemorySessionOptions } from "./memory-sessions.js";
export { FileStorage, type StorageContent, type StoredFile } from "./file-storage.js";
export { TwoLevelStorage, type StorageUnit, type StorageUnitKind, type TwoLevelOptions, type UnitStatus } from "./two-level-storage.js";
export { IDS_EXCEPTIONS, IdsException, type IdsExceptionName, type RemapRule, viaCatalogue } from "./ids-exception.js";
export { javaUrlEncode, zipEntryName } from "./zip-entry-name.js";
export { seedTutorial, type TutorialSeed } from "./tutorial-seed.js";
export { FaultInjector, type FaultMatch, type FaultOptions } from "@catkit/core/testing";
