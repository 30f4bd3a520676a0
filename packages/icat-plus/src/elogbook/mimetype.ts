// mimetypes.guess_type(filename) for the files pyicat-plus's send_binary_file posts (images
// mostly); unknown → application/octet-stream, as upstream.
import { extname } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".bmp": "image/bmp",
  ".svg": "image/svg+xml", ".tif": "image/tiff", ".tiff": "image/tiff", ".webp": "image/webp", ".ico": "image/vnd.microsoft.icon",
  ".pdf": "application/pdf", ".txt": "text/plain", ".html": "text/html", ".htm": "text/html", ".json": "application/json",
  ".csv": "text/csv", ".xml": "text/xml",
};

/**
 * The mimetype of a file name.
 *
 * @example
 * ```ts
 * mimetypeOf("scan.png"); // "image/png"
 * ```
 */
export function mimetypeOf(filename: string): string {
  return TYPES[extname(filename).toLowerCase()] ?? "application/octet-stream";
}
