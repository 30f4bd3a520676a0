// Progress of a batch of transfers as core's ProgressEvent: bytes and files done of the totals.
import type { ProgressListener } from "@catkit/core";

/** Counts bytes and files for a batch and reports them. */
export function batchProgress(operation: string, listener: ProgressListener | undefined, totals: { bytes?: number; files: number }) {
  let bytesDone = 0;
  let itemsDone = 0;
  const emit = (name: string | undefined, done: boolean) =>
    listener?.({ operation, bytesDone, itemsDone, itemsTotal: totals.files, done, ...(name === undefined ? {} : { name }), ...(totals.bytes === undefined ? {} : { bytesTotal: totals.bytes }) });
  return {
    bytes(name: string, n: number) {
      bytesDone += n;
      emit(name, false);
    },
    file(name: string) {
      itemsDone += 1;
      emit(name, itemsDone === totals.files);
    },
  };
}
