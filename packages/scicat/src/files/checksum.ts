// File checksums as scitacean computes them (SCT:filesystem.py checksum_of_file, file.py
// _Checksum): hashlib algorithm names, hex digests, blake2b by default (hashlib's blake2b is
// the 64-byte variant, node's "blake2b512"), computed while streaming, cached per path,
// algorithm, size and mtime so an unchanged file is read once.
import { createHash, getHashes, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { InvalidArgumentError } from "@catkit/core";

/** hashlib names whose node:crypto name differs. */
const NODE_NAMES: Readonly<Record<string, string>> = { blake2b: "blake2b512", blake2s: "blake2s256", sha3_256: "sha3-256", sha3_512: "sha3-512" };

/**
 * The default checksum algorithm (scitacean's).
 *
 * @example
 * ```ts
 * new Dataset({ type: "raw", checksumAlgorithm: DEFAULT_CHECKSUM_ALGORITHM }); // "blake2b"
 * ```
 */
export const DEFAULT_CHECKSUM_ALGORITHM = "blake2b";

/**
 * A streaming hash for a hashlib algorithm name ("blake2b", "md5", "sha256", …).
 *
 * @example
 * ```ts
 * const hash = createChecksum("sha256"); hash.update(chunk); hash.digest("hex");
 * ```
 */
export function createChecksum(algorithm: string): Hash {
  const name = NODE_NAMES[algorithm.toLowerCase()] ?? algorithm.toLowerCase();
  if (!getHashes().includes(name)) {
    throw new InvalidArgumentError(`unsupported checksum algorithm ${JSON.stringify(algorithm)}: use blake2b, md5, sha256 or another hashlib name node:crypto knows`, { argument: "checksumAlgorithm" });
  }
  return createHash(name);
}

const cache = new Map<string, string>();
const MAX_CACHED = 10_000;

/**
 * The hex checksum of a local file, read as a stream (cached per path + algorithm + size + mtime).
 *
 * @example
 * ```ts
 * const chk = await checksumOfFile("./scan_001.nxs", "blake2b");
 * ```
 */
export async function checksumOfFile(path: string, algorithm: string = DEFAULT_CHECKSUM_ALGORITHM, signal?: AbortSignal): Promise<string> {
  const info = await stat(path);
  const key = `${algorithm}\0${path}\0${info.size}\0${info.mtimeMs}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const hash = createChecksum(algorithm);
  for await (const chunk of createReadStream(path, { highWaterMark: 128 * 1024, ...(signal ? { signal } : {}) }) as AsyncIterable<Buffer>) hash.update(chunk);
  const digest = hash.digest("hex");
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, digest);
  return digest;
}

/** Remembers a checksum computed while writing or uploading a file (same key as checksumOfFile). */
export async function rememberChecksum(path: string, algorithm: string, digest: string): Promise<void> {
  const info = await stat(path);
  cache.set(`${algorithm}\0${path}\0${info.size}\0${info.mtimeMs}`, digest);
}
