// Request bodies as body-parser reads them for the backend (BE:src/main.ts): JSON and
// `application/merge-patch+json` up to MAX_FILE_UPLOAD_SIZE (16 MB by default); other content
// types leave the body empty ({}). Too large → 413, malformed JSON → 400.
import type { IncomingMessage } from "node:http";
import { nestError, SandboxHttpError } from "./http-exception.js";

/** The HTML that Express's final handler renders for an oversized body (NODE_ENV=production). */
const TOO_LARGE_HTML = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Payload Too Large</pre>\n</body>\n</html>\n';

/** Thrown for a body over the limit; rendered as Express renders body-parser's error. */
export class PayloadTooLarge extends SandboxHttpError {
  constructor() {
    super(413, TOO_LARGE_HTML);
  }
}

/** The lower-case media type of a request, without parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Reads and parses a JSON body; `{}` for other content types. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = mediaType(req);
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limit) {
    req.resume();
    throw new PayloadTooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new PayloadTooLarge();
    }
    chunks.push(chunk);
  }
  if (type !== "application/json" && type !== "application/merge-patch+json") return {};
  const text = Buffer.concat(chunks, size).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw nestError(400, (err as Error).message);
  }
}
