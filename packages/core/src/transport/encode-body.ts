// Turns a structured RequestBody into what undici sends, with its content headers.
import type { ByteSource, RequestBody } from "./request.js";

/** Bytes and content headers for the wire. */
export interface EncodedBody {
  body: string | Uint8Array | ByteSource;
  contentType: string;
  contentLength?: number;
}

/**
 * Encodes a request body for sending. Streams stay streams.
 *
 * @example
 * ```ts
 * encodeBody(formBody({ a: 1 })); // { body: "a=1", contentType: "application/x-www-form-urlencoded", contentLength: 3 }
 * ```
 */
export function encodeBody(body: RequestBody): EncodedBody {
  switch (body.kind) {
    case "form": {
      const text = body.fields.toString();
      return { body: text, contentType: "application/x-www-form-urlencoded", contentLength: Buffer.byteLength(text) };
    }
    case "json": {
      const text = JSON.stringify(body.value);
      return { body: text, contentType: "application/json", contentLength: Buffer.byteLength(text) };
    }
    case "bytes":
      return {
        body: body.data,
        contentType: body.contentType,
        contentLength: typeof body.data === "string" ? Buffer.byteLength(body.data) : body.data.byteLength,
      };
    case "stream":
      return {
        body: body.open(),
        contentType: body.contentType,
        ...(body.length === undefined ? {} : { contentLength: body.length }),
      };
  }
}
