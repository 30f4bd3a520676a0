// catkit icat-plus outbox status | flush: what @catkit/icat-plus kept on disk because no broker
// (or ICAT+) confirmed it, and sending it now. A flush that leaves messages behind exits 6.
import type { CommandContext } from "../../runtime/context.js";
import { ExitCode, OutcomeError } from "../../runtime/exit-codes.js";
import { icatPlusClient, type IcatPlusFlags } from "../../shared/icat-plus-client.js";

/**
 * `catkit icat-plus outbox status`.
 *
 * @example
 * ```ts
 * await status(ctx, {});
 * ```
 */
export async function status(ctx: CommandContext, flags: IcatPlusFlags): Promise<void> {
  const client = await icatPlusClient(ctx.globals, flags, false);
  try {
    const s = await client.outboxStatus();
    ctx.out.data(s, `${s.depth} message(s) waiting in ${s.dir}${s.oldestAt ? ` (oldest ${s.oldestAt.toISOString()})` : ""}`);
  } finally {
    await client.close();
  }
}

/**
 * `catkit icat-plus outbox flush`.
 *
 * @example
 * ```ts
 * await flush(ctx, { queue: ["localhost:61613"] });
 * ```
 */
export async function flush(ctx: CommandContext, flags: IcatPlusFlags): Promise<void> {
  const client = await icatPlusClient(ctx.globals, flags, false);
  try {
    const r = await client.flushOutbox();
    ctx.out.data({ delivered: r.delivered, remaining: r.remaining, ...(r.error ? { error: r.error.message } : {}) }, `${r.delivered} delivered, ${r.remaining} left${r.error ? ` (${r.error.message})` : ""}`);
    if (r.remaining > 0) throw new OutcomeError(`${r.remaining} message(s) are still in the outbox${r.error ? `: ${r.error.message}` : ""}`, ExitCode.Unreachable, "ICATPLUS_BROKER");
  } finally {
    await client.close();
  }
}
