// A dataset file (scitacean File, SCT:file.py): where it is locally (if it is), where it is
// relative to the dataset's source folder, and what SciCat records about it (size, time,
// checksum, owner and permissions). Immutable: the helpers return new files.
import { stat } from "node:fs/promises";
import type { WireDataFile } from "./wire-schemas.js";
import { remotePath } from "./remote-path.js";

/**
 * A file of a dataset.
 *
 * @example
 * ```ts
 * const file: File = { remotePath: "raw/scan.nxs", size: 1024, checksum: "ab12…", checksumAlgorithm: "blake2b" };
 * ```
 */
export interface File {
  /** Path relative to the dataset's sourceFolder, POSIX. */
  readonly remotePath: string;
  /** Where the file is on this machine, when it is. */
  readonly localPath?: string;
  readonly size: number;
  /** Creation time on the file server (ISO string). */
  readonly creationTime?: string;
  /** The checksum SciCat records (hex), and its algorithm. */
  readonly checksum?: string;
  readonly checksumAlgorithm?: string;
  readonly remoteUid?: string;
  readonly remoteGid?: string;
  readonly remotePerm?: string;
}

/**
 * A file that exists locally, to be uploaded to `remotePath` (default: its base name).
 *
 * @example
 * ```ts
 * const file = await localFile("./scan_001.nxs", { remotePath: "raw/scan_001.nxs" });
 * ```
 */
export async function localFile(localPath: string, options: { remotePath?: string } = {}): Promise<File> {
  const info = await stat(localPath);
  const name = options.remotePath ?? localPath.split(/[\\/]/).pop() ?? localPath;
  return { localPath, remotePath: remotePath(name), size: info.size, creationTime: info.mtime.toISOString() };
}

/**
 * A file as SciCat lists it in an orig datablock. The path is kept as the server sent it;
 * downloads check it (a path leaving the source folder is refused there).
 */
export function fileFromWire(f: WireDataFile, checksumAlgorithm: string | undefined): File {
  return {
    remotePath: f.path,
    size: f.size,
    creationTime: f.time,
    ...(f.chk === undefined || f.chk === "" ? {} : { checksum: f.chk }),
    ...(checksumAlgorithm ? { checksumAlgorithm } : {}),
    ...(f.uid === undefined ? {} : { remoteUid: f.uid }),
    ...(f.gid === undefined ? {} : { remoteGid: f.gid }),
    ...(f.perm === undefined ? {} : { remotePerm: f.perm }),
  };
}

/** The DataFile SciCat stores for a file (File.make_model). */
export function fileToWire(f: File): WireDataFile {
  return {
    path: f.remotePath,
    size: f.size,
    time: f.creationTime ?? new Date().toISOString(),
    ...(f.checksum === undefined ? {} : { chk: f.checksum }),
    ...(f.remoteUid === undefined ? {} : { uid: f.remoteUid }),
    ...(f.remoteGid === undefined ? {} : { gid: f.remoteGid }),
    ...(f.remotePerm === undefined ? {} : { perm: f.remotePerm }),
  };
}
