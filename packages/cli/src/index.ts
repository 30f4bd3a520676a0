// @catkit/cli: the `catkit` program and pyicat-plus's tools. The programmatic surface is small:
// building the programs (for embedding or tests), the exit codes, the messaging interface the
// icat-plus binding implements, and the raw-data scanner the benchmark drives.
export { buildCatkit, buildStandalone } from "./program.js";
export { runProgram } from "./runtime/run.js";
export { ExitCode, exitCodeFor, UsageError } from "./runtime/exit-codes.js";
export {
  openMessenger,
  setDatasetMessengerFactory,
  type DatasetMessage,
  type DatasetMessenger,
  type DatasetMessengerFactory,
  type SendOutcome,
  describeOutcome,
  type MessengerOptions,
} from "./shared/dataset-messenger.js";
export { findSessionDirs, listDatasets, type DiskDataset, type SessionFilter } from "./commands/sync-raw/scan.js";
export { FORMATS, type RawFormat } from "./commands/sync-raw/layout.js";
