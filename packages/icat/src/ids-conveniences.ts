// python-icat's IDS conveniences on the ICAT client (client.py putData, getData, getDataUrl,
// prepareData, isDataPrepared, deleteData, restoreData): the same IDS calls as @catkit/ids, but
// taking the objects ICAT returned, and putData answering with the Datafile as ICAT stores it.
import { InvalidArgumentError } from "@catkit/core";
import {
  DataSelection,
  type DataTarget,
  type EntityLike,
  type IdsClient,
  type PutOptions,
  type PutSource,
  type SelectionInput,
} from "@catkit/ids";
import { entityTypeOf } from "./entities/entity-tag.js";
import type { Datafile, DataCollection, Dataset, Investigation } from "./model/index.js";

/**
 * What the data calls take: ICAT objects (as read by catkit, e.g. a search result), a
 * `@catkit/ids` selection or id lists, or (for getData, getDataUrl, download) a preparedId.
 *
 * @example
 * ```ts
 * const a: IcatDataTarget = [dataset];                  // objects read from ICAT
 * const b: IcatDataTarget = { datafileIds: [12, 13] };  // ids
 * const c: IcatDataTarget = preparedId;                 // from prepareData
 * ```
 */
export type IcatDataTarget = DataTarget | Iterable<Investigation | Dataset | Datafile | DataCollection | EntityLike>;

/**
 * What putData needs of the new Datafile: its dataset and format (objects with ids), and
 * optionally its name (default: the file's name), description, DOI and times (default: the
 * file's). Other fields are set by IDS (location, size, checksum) or ignored, as in python-icat.
 * Any Datafile fits, so python-icat's `icat.new("Datafile", { name, dataset, datafileFormat })`
 * compiles; a missing dataset or format is reported when putData is called.
 *
 * @example
 * ```ts
 * const df: NewDatafile = icat.new("Datafile", { name: "greet-jdoe.txt", dataset, datafileFormat: textFormat });
 * ```
 */
export type NewDatafile = Pick<Datafile, "name" | "description" | "doi" | "datafileCreateTime" | "datafileModTime"> & {
  readonly dataset?: { readonly id?: number | undefined } | undefined;
  readonly datafileFormat?: { readonly id?: number | undefined } | undefined;
};

/**
 * Options of putData: a stream's byte count and progress events (see `@catkit/ids` PutOptions).
 *
 * @example
 * ```ts
 * await icat.putData(stream, datafile, { size: 1_048_576, onProgress: (e) => console.log(e.bytesDone) });
 * ```
 */
export type PutDataOptions = Pick<PutOptions, "size" | "onProgress" | "signal" | "findExisting">;

/**
 * Turns ICAT objects into what the IDS client takes: each tagged object becomes
 * `{ entityType, id }`; everything else is passed on as it is.
 *
 * @example
 * ```ts
 * toDataTarget([dataset]); // [{ entityType: "Dataset", id: 7 }]
 * ```
 */
export function toDataTarget(objects: IcatDataTarget): DataTarget {
  if (typeof objects === "string" || objects instanceof DataSelection) return objects;
  if (typeof objects === "object" && objects !== null && Symbol.iterator in objects) {
    return [...objects].map((o): EntityLike => {
      const type = entityTypeOf(o);
      if (type === undefined) return o;
      if (type === "DataCollection") return { entityType: type, ...(o as object) };
      return { entityType: type, id: (o as { id?: number }).id ?? Number.NaN };
    });
  }
  return objects as SelectionInput;
}

/**
 * The name of the one Datafile in `objects`, when that is all they hold (an array of exactly one
 * Datafile read from ICAT, with a name); otherwise undefined. Only arrays are looked at: another
 * iterable may be readable once, and the download needs it.
 *
 * @example
 * ```ts
 * singleDatafileName([datafile]); // "日本.txt"
 * ```
 */
export function singleDatafileName(objects: IcatDataTarget): string | undefined {
  if (!Array.isArray(objects) || objects.length !== 1) return undefined;
  const only: unknown = objects[0];
  if (entityTypeOf(only) !== "Datafile") return undefined;
  const name = (only as { name?: unknown }).name;
  return typeof name === "string" && name !== "" ? name : undefined;
}

/**
 * A `@catkit/ids` DataSelection of ICAT objects (python-icat's `DataSelection([ds])`), for the
 * IDS client's own calls (archive, getStatus…).
 *
 * @example
 * ```ts
 * const selection = dataSelection([dataset]);
 * await icat.ids.archive(selection);
 * await icat.ids.getStatus(selection); // "ARCHIVED"
 * ```
 */
export function dataSelection(objects: Exclude<IcatDataTarget, string>): DataSelection {
  return DataSelection.from(toDataTarget(objects) as SelectionInput);
}

function refId(value: { readonly id?: number | undefined } | undefined, what: string): number {
  const id = value?.id;
  if (typeof id === "number" && Number.isSafeInteger(id) && id > 0) return id;
  throw new InvalidArgumentError(`datafile.${what} is not set: give the ${what} as an object read from ICAT (with its id)`, { argument: `datafile.${what}` });
}

/**
 * The IDS put options for a new Datafile (python-icat putData: dataset, format, name,
 * description, doi, create and modification times).
 *
 * @example
 * ```ts
 * putOptions({ name: "a.txt", dataset: { id: 7 }, datafileFormat: { id: 2 } }, {}); // { datasetId: 7, datafileFormatId: 2, name: "a.txt" }
 * ```
 */
export function putOptions(datafile: NewDatafile, options: PutDataOptions): PutOptions {
  if (typeof datafile !== "object" || datafile === null) throw new InvalidArgumentError("datafile must be a Datafile object", { argument: "datafile" });
  const d = datafile;
  return {
    datasetId: refId(d.dataset, "dataset"),
    datafileFormatId: refId(d.datafileFormat, "datafileFormat"),
    ...(d.name === undefined ? {} : { name: d.name }),
    ...(d.description === undefined ? {} : { description: d.description }),
    ...(d.doi === undefined ? {} : { doi: d.doi }),
    // python-icat putData: the creation time defaults to the modification time.
    ...(d.datafileCreateTime === undefined ? {} : { createTime: d.datafileCreateTime }),
    ...(d.datafileModTime === undefined ? {} : { modTime: d.datafileModTime }),
    ...(options.size === undefined ? {} : { size: options.size }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.findExisting === undefined ? {} : { findExisting: options.findExisting }),
  };
}

/**
 * Uploads a file through IDS and returns the new Datafile's id.
 *
 * @example
 * ```ts
 * const id = await putDatafile(ids, "greet-jdoe.txt", { dataset, datafileFormat });
 * ```
 */
export async function putDatafile(ids: IdsClient, source: PutSource, datafile: NewDatafile, options: PutDataOptions = {}): Promise<number> {
  const { id } = await ids.put(source, putOptions(datafile, options));
  return id;
}
