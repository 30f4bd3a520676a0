// The two IcatClient data calls that do more than hand ICAT objects to the IDS client (the others
// are one line each in icat-client.ts): putData reads the new Datafile back from ICAT, and a
// download of one Datafile names the file as ICAT does.
import type { DownloadOptions, DownloadResult, IdsClient, PutSource } from "@catkit/ids";
import type { IcatClient } from "./icat-client.js";
import { putDatafile, singleDatafileName, toDataTarget, type IcatDataTarget, type NewDatafile, type PutDataOptions } from "./ids-conveniences.js";
import type { Datafile } from "./model/index.js";
import { eq, Query } from "./query/index.js";

/**
 * Uploads a file through IDS and returns the Datafile IDS created, read back from ICAT. If the
 * connection breaks after the bytes were sent, ICAT is asked whether IDS created the Datafile
 * (dataset + name), so that the IDS client can tell a finished upload from a lost one.
 *
 * @example
 * ```ts
 * const datafile = await putAndRead(icat, "greet-jdoe.txt", { name: "greet-jdoe.txt", dataset, datafileFormat });
 * ```
 */
export async function putAndRead(icat: Pick<IcatClient, "ids" | "search" | "get">, source: PutSource, datafile: NewDatafile, options?: PutDataOptions): Promise<Datafile> {
  const findExisting = async ({ datasetId, name }: { datasetId: number; name: string }) => {
    const [found] = await icat.search(new Query("Datafile", { conditions: { "dataset.id": eq(datasetId), name: eq(name) } }));
    return found?.id === undefined ? undefined : { id: found.id, size: found.fileSize, checksum: found.checksum, location: found.location };
  };
  const id = await putDatafile(icat.ids, source, datafile, { ...options, findExisting });
  return icat.get("Datafile", id, options?.signal ? { signal: options.signal } : {});
}

/**
 * Downloads ICAT objects to a file. One Datafile into a directory takes its name from ICAT, not
 * the one IDS's container sends (which turns non-ASCII characters into spaces).
 *
 * @example
 * ```ts
 * await downloadNamed(icat.ids, [datafile], "out/"); // out/日本.txt
 * ```
 */
export function downloadNamed(ids: IdsClient, objects: IcatDataTarget, destination: string, options?: DownloadOptions): Promise<DownloadResult> {
  const only = singleDatafileName(objects);
  const named = options?.fileName === undefined && only !== undefined ? { ...options, fileName: only } : options;
  return ids.download(toDataTarget(objects), destination, named);
}
