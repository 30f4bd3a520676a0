// The e-logbook message JSON pyicat-plus builds (client/elogbook.py IcatElogbookClient), key
// order included: type, category, content, datasetName, then the constructor payload and the
// call payload merged over it (tags merged and de-duplicated by name), then machine, software
// and creationDate when absent.
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import { pythonIsoformat } from "../xml/python-isoformat.js";

/**
 * Extra e-logbook fields (tags, source, type override…).
 *
 * @example
 * ```ts
 * const p: ElogbookPayload = { tags: ["alignment", { name: "beam" }], source: "ebs" };
 * ```
 */
export type ElogbookPayload = Readonly<Record<string, unknown>>;

/**
 * Options of a text message.
 *
 * @example
 * ```ts
 * const o: ElogbookMessageOptions = { messageType: "info", dataset: "sample_0001" };
 * ```
 */
export interface ElogbookMessageOptions {
  /** comment (default), debug, info, warning/warn/error/critical/fatal (→ error), command/commandLine. */
  messageType?: string | undefined;
  dataset?: string | undefined;
  editable?: boolean | undefined;
  formatted?: boolean | undefined;
  /** text/plain (default) or text/html. */
  mimetype?: string | undefined;
}

/**
 * Where defaults come from.
 *
 * @example
 * ```ts
 * const d: ElogbookDefaults = { machine: "m", software: "s", now: () => new Date(), payload: {}, warn: console.warn };
 * ```
 */
export interface ElogbookDefaults {
  machine: string;
  software: string;
  now: () => Date;
  /** Constructor payload (pyicat-plus elogbook_metadata). */
  payload: ElogbookPayload;
  warn: (message: string) => void;
}

const CATEGORIES: Readonly<Record<string, string>> = {
  debug: "debug", info: "info", warning: "error", warn: "error", error: "error", critical: "error", fatal: "error",
  command: "commandLine", commandline: "commandLine", comment: "comment",
};

function messageType(category: string, editable: boolean | undefined, formatted: boolean | undefined, warn: (m: string) => void): string {
  const fallback = category === "comment" ? "annotation" : "notification";
  if (editable === undefined && formatted === undefined) return fallback;
  if (editable !== undefined && editable === formatted) {
    warn("an e-logbook message cannot be both editable and formatted (or neither); using the default type");
    return fallback;
  }
  if (category !== "comment" && (editable === true || formatted === false)) {
    warn(`a ${category} e-logbook message cannot be editable or unformatted; using the default type`);
    return fallback;
  }
  return editable === true || formatted === false ? "annotation" : "notification";
}

function tagList(value: unknown): { name: string }[] {
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  return list.map((t) => (typeof t === "string" ? { name: t } : (t as { name: string })));
}

/** Merges payloads (later wins, keys keep their first position) with tags/tag unioned by name. */
function merge(base: Record<string, unknown>, ...payloads: ElogbookPayload[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  const tags: { name: string }[] = [];
  for (const p of [base, ...payloads]) {
    for (const [k, v] of Object.entries(p)) {
      if (k === "tags" || k === "tag") tags.push(...tagList(v));
      else if (v !== undefined) out[k] = v;
    }
  }
  delete out.tags;
  if (tags.length > 0) out.tag = [...new Map(tags.map((t) => [t.name, t])).values()];
  return out;
}

function withDefaults(message: Record<string, unknown>, d: ElogbookDefaults): Record<string, unknown> {
  message.machine ??= d.machine;
  message.software ??= d.software;
  message.creationDate ??= pythonIsoformat(d.now());
  return message;
}

/**
 * Builds a text message.
 *
 * @throws {InvalidMetadataError} for an unknown message type or mimetype.
 * @example
 * ```ts
 * elogbookMessage("mycontent", { messageType: "comment", dataset: "ds1" }, {}, defaults);
 * ```
 */
export function elogbookMessage(text: string, options: ElogbookMessageOptions, payload: ElogbookPayload, d: ElogbookDefaults): Record<string, unknown> {
  const category = CATEGORIES[(options.messageType ?? "comment").toLowerCase()];
  if (category === undefined) {
    throw new InvalidMetadataError(`unknown e-logbook message type ${JSON.stringify(options.messageType)} (comment, debug, info, warning, error, commandLine)`, { argument: "messageType" });
  }
  const mimetype = options.mimetype ?? "text/plain";
  const format = mimetype === "text/plain" ? "plainText" : mimetype === "text/html" ? "html" : undefined;
  if (format === undefined) throw new InvalidMetadataError(`mimetype must be text/plain or text/html, got ${mimetype}`, { argument: "mimetype" });
  const base: Record<string, unknown> = {
    type: messageType(category, options.editable, options.formatted, d.warn),
    category,
    content: [{ format, text }],
    ...(options.dataset ? { datasetName: options.dataset } : {}),
  };
  return withDefaults(merge(base, d.payload, payload), d);
}

/**
 * Builds a binary (base64 image) message.
 *
 * @example
 * ```ts
 * elogbookBinaryMessage(png, "image/png", {}, defaults); // { base64: "data:image/png;base64,iVBOR…", machine, software, creationDate }
 * ```
 */
export function elogbookBinaryMessage(data: Uint8Array, mimetype: string, payload: ElogbookPayload, d: ElogbookDefaults): Record<string, unknown> {
  const base = { base64: `data:${mimetype};base64,${Buffer.from(data).toString("base64")}` };
  return withDefaults(merge(base, d.payload, payload), d);
}
