// Posting and reading e-logbook events, shared by the catkit API and the ICAT+-compatible
// routes: an ICAT+ event body (type, category, content, tag, base64, …) is checked, its image
// decoded and, above the threshold, moved to the image store (an oversized one is refused before
// anything is written), then the event and its tags are inserted in one transaction.
import { randomBytes } from "node:crypto";
import { RequestError } from "../app/error-reply.js";
import type { ImageStore } from "./image-store.js";
import type { ImageRef, LogbookEvent, LogbookQuery, LogbookStore } from "./logbook-store.js";

/**
 * Where a posted event goes.
 *
 * @example
 * ```ts
 * const target: EventTarget = { investigationId: 12, investigationName: "hg123", instrumentName: "id00" };
 * ```
 */
export interface EventTarget {
  investigationId: number | null;
  investigationName: string | null;
  instrumentName: string | null;
}

const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/=\s]*)$/;

/** Tags as ICAT+ takes them ([{ name }]) or as plain strings, de-duplicated. */
function tagsOf(body: Record<string, unknown>): string[] {
  const raw = [body.tag, body.tags].flatMap((t) => (Array.isArray(t) ? (t as unknown[]) : []));
  const names = raw.map((t) => (typeof t === "string" ? t : t && typeof t === "object" ? (t as { name?: unknown }).name : undefined));
  return [...new Set(names.filter((n): n is string => typeof n === "string" && n.length > 0 && n.length <= 200))];
}

/**
 * The logbook.
 *
 * @example
 * ```ts
 * const logbook = new LogbookService(store, new ImageStore("images"), { imageThresholdBytes: 65536, maxImageBytes: 10485760 });
 * const event = await logbook.post(target, { type: "annotation", category: "comment", content: [{ format: "plainText", text: "hi" }] });
 * ```
 */
export class LogbookService {
  readonly store: LogbookStore;
  readonly images: ImageStore;
  readonly #o: { imageThresholdBytes: number; maxImageBytes: number };

  constructor(store: LogbookStore, images: ImageStore, o: { imageThresholdBytes: number; maxImageBytes: number }) {
    this.store = store;
    this.images = images;
    this.#o = o;
  }

  async post(target: EventTarget, input: Record<string, unknown>): Promise<LogbookEvent> {
    const body = { ...input };
    let image: ImageRef | undefined;
    if (body.base64 !== undefined) {
      const m = typeof body.base64 === "string" ? DATA_URI.exec(body.base64) : null;
      if (!m) throw new RequestError(400, "BAD_IMAGE", 'base64 must be a data URI: "data:<mime type>;base64,<data>"');
      const bytes = Buffer.from(m[2] ?? "", "base64");
      if (bytes.length > this.#o.maxImageBytes) throw new RequestError(413, "IMAGE_TOO_LARGE", `the image has ${bytes.length} bytes; at most ${this.#o.maxImageBytes} are accepted`);
      if (bytes.length > this.#o.imageThresholdBytes) {
        image = await this.images.put(bytes, m[1] ?? "application/octet-stream");
        delete body.base64;
      }
    }
    if (body.content !== undefined && !Array.isArray(body.content)) throw new RequestError(400, "BAD_EVENT", "content must be a list of { format, text }");
    const event: LogbookEvent = {
      id: randomBytes(12).toString("hex"),
      ...target,
      type: typeof body.type === "string" ? body.type : "annotation",
      category: typeof body.category === "string" ? body.category : "comment",
      creationDate: typeof body.creationDate === "string" ? body.creationDate : new Date().toISOString(),
      tags: tagsOf(body),
      body,
      image,
    };
    await this.store.insert(event);
    return event;
  }

  list(q: LogbookQuery): Promise<{ items: LogbookEvent[]; hasMore: boolean }> {
    return this.store.list(q);
  }
}
