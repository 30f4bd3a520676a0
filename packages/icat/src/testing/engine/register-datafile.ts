import { formatIcatDate } from "../../model/index.js";

/**
 * What ids.server writes to ICAT when a file is put (IdsBean.java `registerDatafile`): the name,
 * dataset and format given by the client, the location chosen by the storage plugin, the size and
 * the CRC32 checksum (lowercase hex, no padding), and the optional description, DOI and times.
 *
 * @example
 * ```ts
 * const df: DatafileRegistration = { name: "a.txt", datasetId: 10, datafileFormatId: 4, location: "3/10/uuid", fileSize: 12, checksum: "bef32c73" };
 * ```
 */
export interface DatafileRegistration {
  readonly name: string;
  readonly datasetId: number;
  readonly datafileFormatId: number;
  readonly location: string;
  readonly fileSize: number;
  readonly checksum: string;
  readonly description?: string;
  readonly doi?: string;
  readonly datafileCreateTime?: Date;
  readonly datafileModTime?: Date;
}

/**
 * Builds the write for a datafile registration and runs it through `write` (so the user's CREATE
 * rights, NOT NULL and uniqueness rules apply as for any client write).
 *
 * @example
 * ```ts
 * registerDatafile((entities) => engine.write("db/nbour", entities), df); // the new id
 * ```
 */
export function registerDatafile(write: (entities: object) => number[], df: DatafileRegistration): number {
  const fields: Record<string, unknown> = {
    name: df.name,
    dataset: { id: df.datasetId },
    datafileFormat: { id: df.datafileFormatId },
    location: df.location,
    fileSize: df.fileSize,
    checksum: df.checksum,
  };
  if (df.description !== undefined) fields.description = df.description;
  if (df.doi !== undefined) fields.doi = df.doi;
  if (df.datafileCreateTime !== undefined) fields.datafileCreateTime = formatIcatDate(df.datafileCreateTime);
  if (df.datafileModTime !== undefined) fields.datafileModTime = formatIcatDate(df.datafileModTime);
  const [id] = write({ Datafile: fields });
  if (id === undefined) throw new Error("registerDatafile: the write created nothing");
  return id;
}
