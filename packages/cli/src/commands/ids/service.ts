// catkit ids ping | version | status (without a selection: the service status).
import type { CommandContext } from "../../runtime/context.js";
import { idsClient } from "../../shared/connect.js";

/**
 * `catkit ids ping`: IDS answers "IdsOK".
 *
 * @example
 * ```ts
 * await ping(ctx, {});
 * ```
 */
export async function ping(ctx: CommandContext): Promise<void> {
  const ids = await idsClient(ctx.globals, false);
  try {
    await ids.ping({ signal: ctx.signal });
    ctx.out.data({ ok: true, url: ids.url }, `IDS at ${ids.url} is up`);
  } finally {
    await ids.close();
  }
}

/**
 * `catkit ids version`.
 *
 * @example
 * ```ts
 * await version(ctx, {});
 * ```
 */
export async function version(ctx: CommandContext): Promise<void> {
  const ids = await idsClient(ctx.globals, false);
  try {
    const v = await ids.version({ signal: ctx.signal });
    const [readOnly, twoLevel] = await Promise.all([ids.isReadOnly({ signal: ctx.signal }), ids.isTwoLevel({ signal: ctx.signal })]);
    ctx.out.data({ ...v, readOnly, twoLevel });
  } finally {
    await ids.close();
  }
}
