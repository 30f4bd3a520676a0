// Runs transfers several at a time, stopping at the first failure or abort; the caller decides
// what to undo with the list of what completed.
import { AbortError } from "@catkit/core";

/**
 * Calls `work` for each item with at most `concurrency` in flight. Rejects with the first error
 * after the in-flight ones settle; `done` lists the indexes that completed.
 *
 * @example
 * ```ts
 * const done: number[] = [];
 * await runPool(files, 4, (f) => upload(f), { done });
 * ```
 */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>, options: { signal?: AbortSignal | undefined; done?: number[] } = {}): Promise<void> {
  let next = 0;
  let failure: unknown;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      if (options.signal?.aborted) {
        failed = true;
        failure ??= new AbortError();
        return;
      }
      const index = next++;
      try {
        await work(items[index] as T, index);
        options.done?.push(index);
      } catch (err) {
        if (!failed) failure = err;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (failed) throw failure;
}
