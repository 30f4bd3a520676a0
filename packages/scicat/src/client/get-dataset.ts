// Client.get_dataset (SCT:client.py): GET /api/v4/datasets/{pid} with origdatablocks (and
// attachments when asked) included; anonymous clients read /datasets/public/{pid}, whose empty
// 200 means "missing or unpublished" (backend#1893). 404, empty 200 and 403 all come out as
// ScicatNotFoundError or ScicatForbiddenError.
import type { Logger } from "@catkit/core";
import type { ScicatApi } from "../api/scicat-api.js";
import { ScicatNotFoundError } from "../errors/scicat-http-errors.js";
import { attachmentFromWire, type Attachment } from "../models/attachment.js";
import { construct } from "../models/construct.js";
import { Dataset } from "../models/dataset.js";
import { origDatablockFromWire } from "../models/orig-datablock.js";
import { AttachmentSchema, DatasetSchema, OrigDatablockSchema } from "../models/wire-schemas.js";
import { PID } from "../pid.js";

/**
 * Options of getDataset.
 *
 * @example
 * ```ts
 * const ds = await client.getDataset(pid, { strictValidation: true, attachments: true });
 * ```
 */
export interface GetDatasetOptions {
  /** Throw when the server's dataset fails validation (default false: warn and return it). */
  strictValidation?: boolean;
  /** Also download the attachments (default false: `attachments` stays undefined). */
  attachments?: boolean;
  signal?: AbortSignal;
}

type Json = Record<string, unknown>;

/** Reads a dataset's JSON (authenticated or public route) with the relations asked for. */
export async function fetchDatasetJson(api: ScicatApi, pid: PID, include: string[], signal?: AbortSignal): Promise<Json> {
  const o = signal ? { signal } : {};
  if (api.authenticated) return api.datasets.get(pid, include, o);
  const json = await api.datasets.getPublic(pid, include, o);
  if (json === undefined) {
    throw new ScicatNotFoundError({ status: 200, method: "GET", url: `${api.url}v4/datasets/public/${pid.toPath()}`, message: `dataset ${pid.toString()} does not exist or is not public (the public route answered 200 with an empty body)` });
  }
  return json;
}

/** Builds the model of a dataset JSON, validating as asked. */
export function datasetFromJson(json: Json, options: { strict: boolean; logger: Logger; attachments: boolean }): Dataset {
  const what = `dataset ${String(json.pid)}`;
  const fields = construct(DatasetSchema, json, { strict: options.strict, logger: options.logger, what }) as Json;
  // SciCat may return [null] in the id lists (scitacean DownloadDataset drops them)
  for (const k of ["proposalIds", "sampleIds", "instrumentIds"]) if (Array.isArray(fields[k])) fields[k] = (fields[k] as unknown[]).filter((v) => v !== null);
  const blocks = ((json.origdatablocks as unknown[] | undefined) ?? []).map((b) => origDatablockFromWire(construct(OrigDatablockSchema, b, { ...options, strict: options.strict, what: `${what} orig datablock` })));
  const attachments: Attachment[] | undefined = options.attachments
    ? ((json.attachments as unknown[] | undefined) ?? []).map((a) => attachmentFromWire(construct(AttachmentSchema, a, { ...options, strict: options.strict, what: `${what} attachment` })))
    : undefined;
  return Dataset.fromWire(fields, { origDatablocks: blocks, ...(attachments ? { attachments } : {}) });
}

/** Client.get_dataset. */
export async function getDataset(api: ScicatApi, logger: Logger, pid: string | PID, options: GetDatasetOptions = {}): Promise<Dataset> {
  const id = PID.parse(pid);
  const include = ["origdatablocks", ...(options.attachments ? ["attachments"] : [])];
  const json = await fetchDatasetJson(api, id, include, options.signal);
  return datasetFromJson(json, { strict: options.strictValidation === true, logger, attachments: options.attachments === true });
}
