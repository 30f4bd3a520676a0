/** Runs `work` while holding the run-wide `pnpm pack` lock (see pack-lock.mjs). */
export declare function withPackLock<T>(work: () => T): T;
