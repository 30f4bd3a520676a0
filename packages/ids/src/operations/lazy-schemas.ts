// The zod schemas of IDS's JSON answers are loaded with the first call that reads one, not when
// @catkit/ids is imported: zod takes about 17 MiB of memory, which a process that only moves data
// (getData, download, put: its answer is checked by hand) does without (issue 11's memory goal).
import type * as ResponseSchemas from "./response-schemas.js";

type Schemas = typeof ResponseSchemas;
let loading: Promise<Schemas> | undefined;

/**
 * The response schemas, imported on first use.
 *
 * @example
 * ```ts
 * const { VersionSchema } = await responseSchemas();
 * ```
 */
export function responseSchemas(): Promise<Schemas> {
  return (loading ??= import("./response-schemas.js"));
}
