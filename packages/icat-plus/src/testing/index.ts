// @catkit/icat-plus/testing: the ICAT+ sandbox server and the sandbox ingester. Loaded only by
// code that imports this entry point; "@catkit/icat-plus" never reaches it.
export { startIcatPlusSandbox, type IcatPlusSandbox, type IcatPlusSandboxOptions } from "./icat-plus-sandbox.js";
export type { ReceivedEvent, SandboxSampleFile } from "./icat-plus-router.js";
export { IcatViews } from "./icat-views.js";
export { datasetView, investigationView } from "../ingest/icat-plus-views.js";
export { startIngester, type Ingester, type IngesterOptions } from "./ingester.js";
export type { DeadLetter, IngestRecord } from "./ingest-handler.js";
