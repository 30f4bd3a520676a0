// Source-folder patterns as scitacean's DatasetPathFormatter (SCT:util/formatter.py,
// transfer/_util.py): "{field}" is a dataset field (dotted: "{pid.id}"), "{uid}" a fresh uuid4;
// each substituted value is escaped so it stays one path segment; a missing field is an error.
import { randomUUID } from "node:crypto";
import { InvalidArgumentError } from "@catkit/core";
import type { Dataset } from "../models/dataset.js";
import { sourceFolder } from "../models/remote-path.js";

function escapeSegment(value: string): string {
  // scitacean escapes path separators and other characters unsafe in a file name
  return value.replace(/[/\\:*?"<>|\0]/g, "_").replace(/^\.\.?$/, "_");
}

function lookup(dataset: Dataset, name: string): unknown {
  if (name === "uid") return randomUUID();
  const [head, ...rest] = name.split(".");
  let value: unknown = head === "pid" ? dataset.pid : (dataset.fields as Record<string, unknown>)[head as string];
  for (const part of rest) value = value === undefined || value === null ? undefined : (value as Record<string, unknown>)[part];
  return value;
}

/** Text of a substituted value: a PID (or other object with its own toString) or a primitive. */
function segmentText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(segmentText).join(",");
  return (value as { toString(): string }).toString();
}

/**
 * Expands a source-folder pattern for a dataset.
 *
 * @example
 * ```ts
 * formatSourceFolder("/data/{owner}/{uid}", dataset); // "/data/Ada_Lovelace/6f2c…"
 * ```
 */
export function formatSourceFolder(pattern: string, dataset: Dataset): string {
  const path = pattern.replace(/\{([^{}]+)\}/g, (_m, name: string) => {
    const value = lookup(dataset, name.trim());
    if (value === undefined || value === null) {
      throw new InvalidArgumentError(`source folder pattern ${JSON.stringify(pattern)} needs dataset field "${name}", which is not set`, { argument: "sourceFolder" });
    }
    return escapeSegment(segmentText(value));
  });
  return sourceFolder(path);
}

/** The dataset's own source folder, which must be set and absolute. */
export function datasetSourceFolder(dataset: Dataset): string {
  if (dataset.fields.sourceFolder === undefined) throw new InvalidArgumentError("the dataset has no sourceFolder and the file transfer has no source-folder pattern", { argument: "sourceFolder" });
  return sourceFolder(dataset.fields.sourceFolder);
}
