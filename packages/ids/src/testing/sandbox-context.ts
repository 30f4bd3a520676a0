// What every sandbox route works with, and the selection helper most of them share
// (ids.server DataSelection: parse the id lists, ask ICAT, remap its errors).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CatalogueSelection, IdsCatalogue, ResolvedSelection } from "./catalogue.js";
import type { FileStorage } from "./file-storage.js";
import { viaCatalogue } from "./ids-exception.js";
import type { PreparedStore } from "./prepared-store.js";
import { parseSelection } from "./request-params.js";
import type { TwoLevelStorage } from "./two-level-storage.js";

/** The sandbox's configuration, as ids.server's run.properties. */
export interface SandboxConfig {
  readonly readOnly: boolean;
  readonly enableWrite: boolean;
  readonly linkEnabled: boolean;
  readonly icatUrl: string;
  readonly version: string;
  readonly rootUserNames: readonly string[];
  readonly stableZips: boolean;
  readonly linkDir: string;
}

/** The sandbox's state. */
export interface SandboxContext {
  readonly catalogue: IdsCatalogue;
  readonly storage: FileStorage;
  readonly twoLevel: TwoLevelStorage | undefined;
  readonly prepared: PreparedStore;
  readonly config: SandboxConfig;
}

/** Handles one IDS call; throws IdsException for IDS errors. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: URLSearchParams, ctx: SandboxContext) => void | Promise<void>;

/** One IDS path: its method, what it produces (for error bodies too) and its handler. */
export interface Route {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly produces: string;
  readonly handle: RouteHandler;
}

/**
 * True when IDS zips whatever the `zip` flag says (ids.server DataSelection.mustZip).
 *
 * @example
 * ```ts
 * mustZip({ investigationIds: [], datasetIds: [], datafileIds: [12] }); // false
 * ```
 */
export function mustZip(ids: CatalogueSelection): boolean {
  const n = ids.datafileIds.length + ids.datasetIds.length + ids.investigationIds.length;
  return ids.datafileIds.length > 1 || ids.datasetIds.length > 0 || ids.investigationIds.length > 0 || n === 0;
}

/**
 * Parses the selection of a request and resolves it in the catalogue as `sessionId`.
 *
 * @example
 * ```ts
 * const { ids, resolved } = await resolveSelection(ctx, sessionId, params);
 * ```
 */
export async function resolveSelection(
  ctx: SandboxContext,
  sessionId: string | undefined,
  params: URLSearchParams,
): Promise<{ ids: CatalogueSelection; resolved: ResolvedSelection }> {
  const ids = parseSelection(params);
  const resolved = await viaCatalogue("selection", () => ctx.catalogue.resolveSelection(sessionId, ids));
  return { ids, resolved };
}
