// Attachments and their thumbnails (scitacean Attachment and Thumbnail, SCT:thumbnail.py):
// the thumbnail is a data URI, `data:<mime>;base64,<data>`; parsing accepts a missing `data:`
// prefix or MIME header, as scitacean does.
import { InvalidArgumentError } from "@catkit/core";
import type { WireAttachment } from "./wire-schemas.js";

/**
 * A thumbnail image.
 *
 * @example
 * ```ts
 * const thumb: Thumbnail = { mime: "image/png", data: "iVBORw0K…" };
 * ```
 */
export interface Thumbnail {
  readonly mime: string | undefined;
  /** Base64 data. */
  readonly data: string;
}

/**
 * Builds a thumbnail from bytes.
 *
 * @example
 * ```ts
 * const thumb = thumbnailFromBytes(await readFile("preview.png"), "image/png");
 * ```
 */
export function thumbnailFromBytes(bytes: Uint8Array, mime: string): Thumbnail {
  return { mime, data: Buffer.from(bytes).toString("base64") };
}

/**
 * Parses a data URI (or bare base64) into a thumbnail.
 *
 * @example
 * ```ts
 * parseThumbnail("data:image/png;base64,iVBORw0K…").mime; // "image/png"
 * ```
 */
export function parseThumbnail(uri: string): Thumbnail {
  const match = /^(?:data:)?(?:([\w.+-]+\/[\w.+-]+)?;base64,)?([A-Za-z0-9+/=\s]*)$/.exec(uri);
  if (!match) throw new InvalidArgumentError(`not a base64 data URI: ${JSON.stringify(uri.slice(0, 40))}`, { argument: "thumbnail" });
  return { mime: match[1], data: (match[2] ?? "").replace(/\s/g, "") };
}

/**
 * The data URI of a thumbnail.
 *
 * @example
 * ```ts
 * thumbnailToDataUri({ mime: "image/png", data: "iVBORw0K…" }); // "data:image/png;base64,iVBORw0K…"
 * ```
 */
export function thumbnailToDataUri(t: Thumbnail): string {
  return `data:${t.mime ?? "application/octet-stream"};base64,${t.data}`;
}

/**
 * The thumbnail's bytes.
 *
 * @example
 * ```ts
 * await writeFile("preview.png", thumbnailBytes(attachment.thumbnail!));
 * ```
 */
export function thumbnailBytes(t: Thumbnail): Buffer {
  return Buffer.from(t.data, "base64");
}

/**
 * An attachment of a dataset (or sample, proposal).
 *
 * @example
 * ```ts
 * const attachment: Attachment = { caption: "preview", thumbnail: thumbnailFromBytes(png, "image/png") };
 * ```
 */
export interface Attachment {
  readonly caption: string;
  readonly ownerGroup?: string;
  readonly accessGroups?: readonly string[];
  readonly thumbnail?: Thumbnail;
  /** SciCat's `aid`, once created. */
  readonly aid?: string;
}

/** Reads an attachment as SciCat returns it. */
export function attachmentFromWire(a: WireAttachment): Attachment {
  return {
    caption: a.caption,
    ownerGroup: a.ownerGroup,
    aid: a.aid,
    ...(a.accessGroups ? { accessGroups: a.accessGroups } : {}),
    ...(a.thumbnail ? { thumbnail: parseThumbnail(a.thumbnail) } : {}),
  };
}

/** The body of POST /api/v4/attachments for a dataset. */
export function attachmentToWire(a: Attachment, target: { pid: string; ownerGroup: string; accessGroups: readonly string[]; isPublished: boolean }): Record<string, unknown> {
  return {
    caption: a.caption,
    ownerGroup: a.ownerGroup ?? target.ownerGroup,
    accessGroups: a.accessGroups ?? target.accessGroups,
    isPublished: target.isPublished,
    ...(a.thumbnail ? { thumbnail: thumbnailToDataUri(a.thumbnail) } : {}),
    relationships: [{ targetId: target.pid, targetType: "dataset" }],
  };
}
