// The progress event every transfer emits (downloads, uploads, many-file operations) and the
// CLI renders. Bytes and items are both optional totals: a zip stream has no known size.

/**
 * A progress report.
 *
 * @example
 * ```ts
 * await ids.download(sel, "out.zip", { onProgress: (e) => console.log(e.bytesDone, e.bytesTotal) });
 * ```
 */
export interface ProgressEvent {
  /** What is progressing, e.g. "ids.download", "ids.put", "ids.downloadMany". */
  operation: string;
  /** The file or item concerned, when there is one. */
  name?: string;
  bytesDone: number;
  bytesTotal?: number;
  itemsDone?: number;
  itemsTotal?: number;
  /** True on the last event of the operation. */
  done: boolean;
}

/** Receives progress events. */
export type ProgressListener = (event: ProgressEvent) => void;

/**
 * Limits a listener to one event per `intervalMs`; the final (`done`) event always passes.
 *
 * @example
 * ```ts
 * const onProgress = throttleProgress((e) => bar.update(e.bytesDone), 100);
 * ```
 */
export function throttleProgress(listener: ProgressListener, intervalMs = 100, now: () => number = Date.now): ProgressListener {
  let last = Number.NEGATIVE_INFINITY;
  return (event) => {
    const t = now();
    if (event.done || t - last >= intervalMs) {
      last = t;
      listener(event);
    }
  };
}
