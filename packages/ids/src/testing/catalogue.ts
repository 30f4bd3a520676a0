// The catalogue behind the IDS sandbox: what ids.server asks ICAT (IdsBean.java,
// DataSelection.java), reduced to the questions the sandbox needs answered. @catkit/ids ships an
// in-memory implementation; the ICAT sandbox (@catkit/icat/testing) implements it on its own
// entity store so that one pair of sandboxes behaves like a real ICAT + IDS.
//
// Contract, for implementers:
// - Every method is async and acts *as the user of `sessionId`*, with ICAT's authorisation.
// - Failures are reported by throwing CatalogueError with ICAT's exception type. The sandbox
//   remaps them exactly as ids.server does (see remapCatalogueError in ids-exception.ts and
//   icat-ids.md §3.5/§3.6): SESSION and INSUFFICIENT_PRIVILEGES → 403 InsufficientPrivileges,
//   NO_SUCH_OBJECT_FOUND → 404 NotFound, VALIDATION on registration → 400 BadRequest, anything
//   else → 500 InternalException "<TYPE> <message>" (OBJECT_ALREADY_EXISTS on a duplicate
//   datafile name included). Any other thrown error becomes a 500.
// - Ids are ICAT ids (positive integers); names are ICAT names, unencoded.

/**
 * ICAT's exception types (icat.server IcatException.IcatExceptionType).
 *
 * @example
 * ```ts
 * const type: IcatExceptionType = "NO_SUCH_OBJECT_FOUND";
 * ```
 */
export type IcatExceptionType =
  | "BAD_PARAMETER"
  | "INTERNAL"
  | "INSUFFICIENT_PRIVILEGES"
  | "NO_SUCH_OBJECT_FOUND"
  | "OBJECT_ALREADY_EXISTS"
  | "SESSION"
  | "VALIDATION"
  | "NOT_IMPLEMENTED";

/**
 * An ICAT failure seen by the sandbox; `type` decides how IDS reports it. Server-side, like
 * the `IdsException` it becomes, so a plain Error rather than a catkit client error.
 *
 * @example
 * ```ts
 * throw new CatalogueError("NO_SUCH_OBJECT_FOUND", "Dataset[id:99] not found.");
 * ```
 */
export class CatalogueError extends Error {
  readonly type: IcatExceptionType;
  constructor(type: IcatExceptionType, message: string) {
    super(message);
    this.name = "CatalogueError";
    this.type = type;
  }
}

/**
 * A dataset with what the zip entry names need: `Dataset INCLUDE Investigation, Facility`
 * (ids.server DsInfoImpl).
 *
 * @example
 * ```ts
 * const ds: CatalogueDataset = { id: 7, name: "greetings", location: null,
 *   investigation: { id: 3, name: "12100409-ST", visitId: "1.1-P", facility: { id: 1, name: "ESNF" } } };
 * ```
 */
export interface CatalogueDataset {
  readonly id: number;
  readonly name: string;
  readonly location?: string | null | undefined;
  readonly investigation: {
    readonly id: number;
    readonly name: string;
    readonly visitId: string;
    readonly facility: { readonly id: number; readonly name: string };
  };
}

/**
 * A datafile IDS can serve: it has a location (ICAT datafiles without one are ignored by IDS).
 *
 * @example
 * ```ts
 * const df: CatalogueDatafile = { id: 12, name: "greet-jdoe.txt", location: "3/7/5b0c…", datasetId: 7,
 *   fileSize: 12, checksum: "bef32c73", createId: "db/nbour", modId: "db/nbour" };
 * ```
 */
export interface CatalogueDatafile {
  readonly id: number;
  readonly name: string;
  /** Storage location, relative to the sandbox's main storage directory. */
  readonly location: string;
  readonly datasetId: number;
  /** ICAT's fileSize: IDS announces it as Content-Length (DataSelection.getFileLength). */
  readonly fileSize?: number | null | undefined;
  readonly checksum?: string | null | undefined;
  readonly createId: string;
  readonly modId: string;
}

/**
 * Ids of a selection, parsed (ids.server DataSelection.getValidIds).
 *
 * @example
 * ```ts
 * const ids: CatalogueSelection = { investigationIds: [], datasetIds: [7], datafileIds: [] };
 * ```
 */
export interface CatalogueSelection {
  readonly investigationIds: readonly number[];
  readonly datasetIds: readonly number[];
  readonly datafileIds: readonly number[];
}

/**
 * What a selection covers.
 *
 * @example
 * ```ts
 * const { datasets, datafiles } = await catalogue.resolveSelection(sessionId, ids);
 * ```
 */
export interface ResolvedSelection {
  /** Every dataset involved (also those of the datafileIds, and datasets with no datafiles). */
  readonly datasets: readonly CatalogueDataset[];
  /** The datafiles that have a location. */
  readonly datafiles: readonly CatalogueDatafile[];
}

/**
 * A datafile IDS has stored and asks ICAT to create (IdsBean.registerDatafile).
 *
 * @example
 * ```ts
 * const df: NewDatafile = { name: "greet-jdoe.txt", datasetId: 7, datafileFormatId: 2, location: "3/7/5b0c…",
 *   fileSize: 12, checksum: "bef32c73" };
 * ```
 */
export interface NewDatafile {
  readonly name: string;
  readonly datasetId: number;
  readonly datafileFormatId?: number | undefined;
  readonly location: string;
  readonly fileSize: number;
  /** CRC32 as lowercase hex without padding (Long.toHexString). */
  readonly checksum: string;
  readonly description?: string | undefined;
  readonly doi?: string | undefined;
  readonly datafileCreateTime?: Date | undefined;
  readonly datafileModTime?: Date | undefined;
}

/**
 * The questions the IDS sandbox asks ICAT. Implement it to put the sandbox in front of another
 * catalogue (the ICAT sandbox does); {@link InMemoryCatalogue} is the default.
 *
 * @example
 * ```ts
 * const sandbox = await startIdsSandbox({ catalogue: myIcatSandbox.idsCatalogue() });
 * ```
 */
export interface IdsCatalogue {
  /**
   * ICAT `GET session/{id}` → the user name ("db/root"). Unknown or expired: CatalogueError
   * SESSION. Used by getServiceStatus (rootUserNames check) and getLink.
   */
  getUserName(sessionId: string): Promise<string>;

  /**
   * Resolves a selection as the user (ids.server DataSelection.resolveDatasetIds):
   * - each datafile id: its dataset, with investigation and facility; a datafile the user may
   *   not read → INSUFFICIENT_PRIVILEGES; unknown, or without a location → NO_SUCH_OBJECT_FOUND;
   * - each dataset id: the dataset and its datafiles that have a location; unknown →
   *   NO_SUCH_OBJECT_FOUND, unreadable → INSUFFICIENT_PRIVILEGES;
   * - each investigation id: its datasets and their datafiles, *as far as the user can see*:
   *   ICAT's filtered counts make an unknown or unreadable investigation contribute nothing,
   *   without error;
   * - an invalid session → SESSION (an empty selection may skip the session check, as IDS makes
   *   no ICAT call for it).
   * `sessionId` undefined means the IDS reader account, which reads everything (getStatus
   * without a session).
   */
  resolveSelection(sessionId: string | undefined, ids: CatalogueSelection): Promise<ResolvedSelection>;

  /** `Dataset INCLUDE Investigation, Facility` by id, as the user (put). */
  getDataset(sessionId: string, datasetId: number): Promise<CatalogueDataset>;

  /** ICAT get of `DatafileFormat` by id, as the user (put checks it before registering). */
  getDatafileFormat(sessionId: string, datafileFormatId: number): Promise<{ readonly id: number }>;

  /**
   * Creates the Datafile as the user and returns its id. A name already used in the dataset →
   * OBJECT_ALREADY_EXISTS; no right to create → INSUFFICIENT_PRIVILEGES; invalid values →
   * VALIDATION.
   */
  createDatafile(sessionId: string, datafile: NewDatafile): Promise<number>;

  /** ICAT deleteMany of these Datafiles, as the user (delete). */
  deleteDatafiles(sessionId: string, datafileIds: readonly number[]): Promise<void>;

  /**
   * `Datafile INCLUDE Dataset, Investigation, Facility` by id, as the user (getLink). The
   * location is null when ICAT has none.
   */
  getDatafile(
    sessionId: string,
    datafileId: number,
  ): Promise<Omit<CatalogueDatafile, "location"> & { readonly location: string | null; readonly dataset: CatalogueDataset }>;
}
