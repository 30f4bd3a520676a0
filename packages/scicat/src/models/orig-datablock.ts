// An orig datablock: one checksum algorithm and the files listed under it (scitacean
// OrigDatablock, SCT:datablock.py). SciCat caps a JSON body at 16 MB, so very long file lists
// are split across several blocks when uploaded (frontend#119).
import type { File } from "./file.js";
import { fileFromWire, fileToWire } from "./file.js";
import type { WireDataFile, WireOrigDatablock } from "./wire-schemas.js";

/**
 * An orig datablock as the model holds it.
 *
 * @example
 * ```ts
 * const block: OrigDatablock = { checksumAlgorithm: "blake2b", files: [file] };
 * ```
 */
export interface OrigDatablock {
  /** SciCat's `_id`, once created. */
  readonly id?: string;
  readonly checksumAlgorithm: string;
  readonly files: readonly File[];
}

/** Reads a block as SciCat returns it. */
export function origDatablockFromWire(block: WireOrigDatablock): OrigDatablock {
  const alg = block.chkAlg === "" ? undefined : block.chkAlg;
  return { id: block._id, checksumAlgorithm: alg ?? "", files: (block.dataFileList ?? []).map((f) => fileFromWire(f, alg)) };
}

/** The body of POST /api/v4/origdatablocks (OrigDatablock.make_upload_model). */
export function origDatablockToWire(block: OrigDatablock, datasetId: string): { datasetId: string; size: number; chkAlg: string; dataFileList: WireDataFile[] } {
  return {
    datasetId,
    size: block.files.reduce((n, f) => n + f.size, 0),
    chkAlg: block.checksumAlgorithm,
    dataFileList: block.files.map(fileToWire),
  };
}
