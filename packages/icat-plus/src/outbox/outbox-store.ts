// The durable outbox: one file per message, written to a temp name, fsync'd, renamed into place
// and the directory fsync'd, so that a crash leaves either the whole message or nothing. A file
// is removed only once its delivery is confirmed (broker RECEIPT or ICAT+ 2xx).
import { mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { OutboxError } from "../errors/icat-plus-errors.js";
import { writeFileDurably } from "../fs/write-file-durably.js";
import { outboxName, parseOutboxName, type OutboxEntry } from "./outbox-entry.js";

/**
 * Depth and age of the outbox.
 *
 * @example
 * ```ts
 * const s: OutboxStatus = { depth: 3, oldestAt: new Date(), dir: "/tmp/outbox" };
 * ```
 */
export interface OutboxStatus {
  depth: number;
  /** Creation time of the oldest waiting message. */
  oldestAt: Date | undefined;
  dir: string;
}

/**
 * A message to keep.
 *
 * @example
 * ```ts
 * const m: OutboxMessage = { lane: "icatIngest", messageId: "…", body: xml, ext: "xml" };
 * ```
 */
export interface OutboxMessage {
  lane: string;
  messageId: string;
  body: string;
  ext: "xml" | "json";
  /** Extra data kept in a sidecar ("<name>.target"), e.g. the e-logbook endpoint and query. */
  target?: string;
  createdAt?: number;
}

const wrap = (what: string, path: string) => (err: unknown) => {
  throw new OutboxError(`${what} ${path} failed: ${err instanceof Error ? err.message : String(err)}`, path, { cause: err });
};

/**
 * The outbox directory.
 *
 * @example
 * ```ts
 * const outbox = new OutboxStore("/var/spool/icat-plus");
 * await outbox.put({ lane: "icatIngest", messageId: randomUUID(), body: xml, ext: "xml" });
 * ```
 */
export class OutboxStore {
  #counter = 0;
  #ready: Promise<void> | undefined;
  #dirSync: Promise<void> | undefined;
  #dirSyncAgain = false;

  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  #ensureDir(): Promise<void> {
    this.#ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).then(() => undefined, wrap("creating", this.dir));
    return this.#ready;
  }

  async #writeDurably(path: string, data: string): Promise<void> {
    await writeFileDurably(path, data, 0o600).catch(wrap("writing", path));
  }

  // Renames become durable when the directory is fsync'd; concurrent puts share one fsync.
  async #syncDir(): Promise<void> {
    if (this.#dirSync) {
      this.#dirSyncAgain = true;
      return this.#dirSync;
    }
    this.#dirSync = (async () => {
      do {
        this.#dirSyncAgain = false;
        const handle = await open(this.dir, "r");
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      } while (this.#dirSyncAgain);
    })().finally(() => {
      this.#dirSync = undefined;
    });
    return this.#dirSync;
  }

  /**
   * Keeps a message; resolves once it is on disk. Returns the entry.
   *
   * @throws {OutboxError} when the directory cannot be written.
   */
  async put(message: OutboxMessage): Promise<OutboxEntry> {
    await this.#ensureDir();
    const createdAt = message.createdAt ?? Date.now();
    const name = outboxName(createdAt, this.#counter++ % 1_000_000, message.lane, message.messageId, message.ext);
    if (message.target !== undefined) await this.#writeDurably(join(this.dir, `${name}.target`), message.target);
    await this.#writeDurably(join(this.dir, name), message.body);
    await this.#syncDir().catch(wrap("syncing", this.dir));
    return { name, lane: message.lane, messageId: message.messageId, createdAt };
  }

  /** Committed entries, oldest first. */
  async list(): Promise<OutboxEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      return wrap("listing", this.dir)(err);
    }
    return names.sort().flatMap((n) => parseOutboxName(n) ?? []);
  }

  /** The bytes of an entry, and its sidecar if it has one. */
  async read(entry: OutboxEntry): Promise<{ body: string; target: string | undefined }> {
    const path = join(this.dir, entry.name);
    const body = await readFile(path, "utf8").catch(wrap("reading", path));
    const target = await readFile(`${path}.target`, "utf8").catch(() => undefined);
    return { body, target };
  }

  /** Removes a delivered entry (and its sidecar). */
  async remove(entry: OutboxEntry): Promise<void> {
    const path = join(this.dir, entry.name);
    await rm(path, { force: true }).catch(wrap("removing", path));
    await rm(`${path}.target`, { force: true }).catch(wrap("removing", `${path}.target`));
  }

  /** Depth and oldest message time. */
  async status(): Promise<OutboxStatus> {
    const entries = await this.list();
    const first = entries[0];
    return { depth: entries.length, oldestAt: first ? new Date(first.createdAt) : undefined, dir: this.dir };
  }
}
