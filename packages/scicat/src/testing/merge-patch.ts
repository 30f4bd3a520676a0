// The two PATCH flavours of the v4 dataset update (BE:src/datasets/datasets.v4.controller.ts
// findByIdAndUpdate): `application/merge-patch+json` is RFC 7396 through json-merge-patch, the
// library the backend uses (null deletes, arrays replace); plain JSON sets the given fields and
// treats `null` as "leave unchanged".
import { apply as applyMergePatch } from "json-merge-patch";
import type { Doc } from "./state.js";

/** Applies a PATCH body to a stored document, returning the new document. */
export function patchDocument(doc: Doc, body: Doc, mergePatch: boolean): Doc {
  if (mergePatch) return applyMergePatch<Doc>(structuredClone(doc), body);
  const out = { ...doc };
  for (const [k, v] of Object.entries(body)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
