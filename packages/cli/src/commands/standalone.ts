// The pyicat-plus tools that are also bins of their own.
import type { Command } from "commander";
import { defineStoreFromFile, defineStoreProcessed, defineStoreRaw } from "./store/define.js";
import { defineSyncRaw } from "./sync-raw/define.js";

/**
 * Definition of each standalone tool.
 *
 * @example
 * ```ts
 * buildStandalone(STANDALONE["icat-store-raw"]);
 * ```
 */
export const STANDALONE: Readonly<Record<"icat-store-raw" | "icat-store-processed" | "icat-store-from-file" | "icat-sync-raw", () => Command>> = {
  "icat-store-raw": defineStoreRaw,
  "icat-store-processed": defineStoreProcessed,
  "icat-store-from-file": defineStoreFromFile,
  "icat-sync-raw": defineSyncRaw,
};
