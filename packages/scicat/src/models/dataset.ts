// The Dataset model (scitacean Dataset, SCT:dataset.py): fields, orig datablocks of files, and
// attachments. Immutable; `with…` methods return changed copies.
import { InvalidArgumentError } from "@catkit/core";
import { PID } from "../pid.js";
import type { Attachment } from "./attachment.js";
import { fieldsFromWire, fieldsToWire, READ_ONLY, type DatasetFields } from "./dataset-fields.js";
import type { File } from "./file.js";
import type { OrigDatablock } from "./orig-datablock.js";

/**
 * What a Dataset is built from.
 *
 * @example
 * ```ts
 * const init: DatasetInit = { type: "raw", name: "scan", checksumAlgorithm: "sha256" };
 * ```
 */
export interface DatasetInit extends DatasetFields {
  /** Algorithm for new files' checksums (default blake2b, as scitacean). */
  checksumAlgorithm?: string;
  origDatablocks?: readonly OrigDatablock[];
  /** `undefined`: not downloaded (scitacean's None). */
  attachments?: readonly Attachment[];
}

const DATE_FIELDS = ["creationTime", "startTime", "endTime"] as const;

function isoDate(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const d = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime()) || (typeof value === "string" && !/^\d{4}-\d{2}-\d{2}/.test(value))) {
    throw new InvalidArgumentError(`${name} must be an ISO 8601 date, got ${JSON.stringify(value)}`, { argument: name });
  }
  return d.toISOString();
}

/**
 * A SciCat dataset with its files and attachments.
 *
 * @example
 * ```ts
 * const ds = new Dataset({ type: "raw", name: "scan 1", owner: "Ada", ownerGroup: "ingestor",
 *   contactEmail: "ada@example.org", creationTime: new Date().toISOString(), sourceFolder: "/data/scan1" });
 * const withFiles = ds.withFiles([await localFile("./scan1.nxs")]);
 * ```
 */
export class Dataset {
  readonly fields: Readonly<DatasetFields>;
  readonly checksumAlgorithm: string;
  readonly origDatablocks: readonly OrigDatablock[];
  readonly attachments: readonly Attachment[] | undefined;

  constructor(init: DatasetInit) {
    const { checksumAlgorithm, origDatablocks, attachments, ...fields } = init;
    if (fields.type !== "raw" && fields.type !== "derived") {
      throw new InvalidArgumentError(`type must be "raw" or "derived", got ${JSON.stringify(fields.type)}`, { argument: "type" });
    }
    const dates: Partial<DatasetFields> = {};
    for (const f of DATE_FIELDS) {
      const v = isoDate(f, (fields as Record<string, unknown>)[f]);
      if (v !== undefined) dates[f] = v;
    }
    this.fields = Object.freeze({ ...fields, ...dates });
    this.checksumAlgorithm = checksumAlgorithm ?? "blake2b";
    this.origDatablocks = origDatablocks ?? [];
    this.attachments = attachments;
  }

  /** Builds a dataset from SciCat's JSON (relations included when present). */
  static fromWire(wire: Record<string, unknown>, parts: { origDatablocks?: readonly OrigDatablock[]; attachments?: readonly Attachment[] } = {}): Dataset {
    return new Dataset({ ...(fieldsFromWire(wire) as unknown as DatasetFields), ...parts });
  }

  get pid(): PID | undefined {
    return this.fields.pid === undefined ? undefined : PID.parse(this.fields.pid);
  }

  get type(): "raw" | "derived" {
    return this.fields.type;
  }

  /** Every file of every orig datablock. */
  get files(): File[] {
    return this.origDatablocks.flatMap((b) => b.files);
  }

  /** A copy with fields changed. */
  with(fields: Partial<DatasetInit>): Dataset {
    return new Dataset({ ...this.#init(), ...fields });
  }

  /**
   * A copy with `files` added: to the last block when its algorithm matches, else to a new block
   * (scitacean _get_or_add_orig_datablock).
   */
  withFiles(files: readonly File[]): Dataset {
    const blocks = [...this.origDatablocks];
    const last = blocks.at(-1);
    if (last && last.id === undefined && last.checksumAlgorithm === this.checksumAlgorithm) blocks[blocks.length - 1] = { ...last, files: [...last.files, ...files] };
    else blocks.push({ checksumAlgorithm: this.checksumAlgorithm, files });
    return this.with({ origDatablocks: blocks });
  }

  /**
   * A derived dataset of this one (scitacean derive): type "derived", inputDatasets = [this pid],
   * creationTime now, owner and contact fields kept, no files.
   */
  derive(fields: Partial<DatasetFields> = {}): Dataset {
    if (this.fields.pid === undefined) throw new InvalidArgumentError("cannot derive from a dataset that has no pid: upload it first", { argument: "dataset" });
    const f = this.fields;
    return new Dataset({
      type: "derived",
      inputDatasets: [f.pid as string],
      usedSoftware: [],
      creationTime: new Date().toISOString(),
      ...(f.owner === undefined ? {} : { owner: f.owner }),
      ...(f.ownerGroup === undefined ? {} : { ownerGroup: f.ownerGroup }),
      ...(f.accessGroups === undefined ? {} : { accessGroups: f.accessGroups }),
      ...(f.contactEmail === undefined ? {} : { contactEmail: f.contactEmail }),
      ...(f.ownerEmail === undefined ? {} : { ownerEmail: f.ownerEmail }),
      ...(f.orcidOfOwner === undefined ? {} : { orcidOfOwner: f.orcidOfOwner }),
      ...(f.principalInvestigators === undefined ? {} : { principalInvestigators: f.principalInvestigators }),
      ...fields,
      checksumAlgorithm: this.checksumAlgorithm,
    });
  }

  /** A copy without the server-owned fields, files or attachment ids (scitacean as_new). */
  asNew(): Dataset {
    const init = this.#init();
    for (const k of READ_ONLY) delete (init as unknown as Record<string, unknown>)[k];
    return new Dataset({ ...init, origDatablocks: this.origDatablocks.map(({ id: _id, ...b }) => b) });
  }

  /**
   * The JSON body of POST /api/v4/datasets. Leaves out size and numberOfFiles: the backend adds
   * each orig datablock's size and file count itself (backend#2250, #2860), so sending them
   * would count them twice.
   */
  toUploadModel(): Record<string, unknown> {
    const fields: Record<string, unknown> = { ...this.fields };
    for (const k of READ_ONLY) delete fields[k];
    if (this.fields.type === "derived") {
      fields.inputDatasets ??= [];
      fields.usedSoftware ??= [];
    }
    return fieldsToWire(fields);
  }

  #init(): DatasetInit {
    return { ...this.fields, checksumAlgorithm: this.checksumAlgorithm, origDatablocks: this.origDatablocks, ...(this.attachments ? { attachments: this.attachments } : {}) };
  }
}
