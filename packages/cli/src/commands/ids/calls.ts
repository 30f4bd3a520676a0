// catkit ids size | status | archive | restore | reset | prepare | is-prepared | datafile-ids |
// delete | link: one IDS call each, on the selection or preparedId given by the flags.
import { writeFile } from "node:fs/promises";
import type { IdsClient } from "@catkit/ids";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { idsClient } from "../../shared/connect.js";
import { selectionOf, targetOf, type TargetOptions } from "./target.js";

async function withIds(ctx: CommandContext, run: (ids: IdsClient) => Promise<void>): Promise<void> {
  const ids = await idsClient(ctx.globals, true);
  try {
    await run(ids);
  } finally {
    await ids.close();
  }
}

/** `catkit ids size`. @example `await size(ctx, { dataset: ["7"] })` */
export async function size(ctx: CommandContext, options: TargetOptions): Promise<void> {
  const target = await targetOf(options);
  await withIds(ctx, async (ids) => {
    const bytes = await ids.getSize(target, { signal: ctx.signal });
    ctx.out.data({ size: bytes }, String(bytes));
  });
}

/** `catkit ids status`: the selection's status, or the service status without one. @example `await status(ctx, {})` */
export async function status(ctx: CommandContext, options: TargetOptions): Promise<void> {
  const none = [options.investigation, options.dataset, options.datafile, options.preparedIdFile].every((v) => v === undefined);
  if (none && !process.env.CATKIT_PREPARED_ID) {
    await withIds(ctx, async (ids) => ctx.out.data(await ids.getServiceStatus({ signal: ctx.signal })));
    return;
  }
  const target = await targetOf(options);
  await withIds(ctx, async (ids) => {
    const value = await ids.getStatus(target, { signal: ctx.signal });
    ctx.out.data({ status: value }, value);
  });
}

function simple(call: "archive" | "restore" | "delete", verb: string) {
  return async (ctx: CommandContext, options: TargetOptions): Promise<void> => {
    const selection = selectionOf(options);
    await withIds(ctx, async (ids) => {
      await ids[call](selection, { signal: ctx.signal });
      ctx.out.data({ ok: true, [call]: selection }, `${verb} requested`);
    });
  };
}

/** `catkit ids archive`. @example `await archive(ctx, { dataset: ["7"] })` */
export const archive = simple("archive", "archive");
/** `catkit ids restore`. @example `await restore(ctx, { dataset: ["7"] })` */
export const restore = simple("restore", "restore");
/** `catkit ids delete`. @example `await remove(ctx, { datafile: ["12"] })` */
export const remove = simple("delete", "delete");

/** `catkit ids reset`. @example `await reset(ctx, { dataset: ["7"] })` */
export async function reset(ctx: CommandContext, options: TargetOptions): Promise<void> {
  const target = await targetOf(options);
  await withIds(ctx, async (ids) => {
    await ids.reset(target, { signal: ctx.signal });
    ctx.out.data({ ok: true }, "reset done");
  });
}

/** `catkit ids prepare`: prints the preparedId, or writes it to --out (mode 0600). @example `await prepare(ctx, { dataset: ["7"] })` */
export async function prepare(ctx: CommandContext, options: TargetOptions & { out?: string; zip?: boolean }): Promise<void> {
  const selection = selectionOf(options);
  await withIds(ctx, async (ids) => {
    const preparedId = await ids.prepareData(selection, { signal: ctx.signal, ...(options.zip ? { zip: true } : {}) });
    if (options.out === undefined) ctx.out.data({ preparedId }, preparedId);
    else {
      await writeFile(options.out, `${preparedId}\n`, { mode: 0o600 });
      ctx.out.log(`preparedId written to ${options.out}`);
    }
  });
}

/** `catkit ids is-prepared`: exit 0 and "true" when ready, exit 4 (not online) when not. @example `await isPrepared(ctx, {})` */
export async function isPrepared(ctx: CommandContext, options: TargetOptions): Promise<void> {
  const target = await targetOf(options);
  if (typeof target !== "string") throw new UsageError("is-prepared needs a preparedId (--prepared-id-file or $CATKIT_PREPARED_ID)");
  await withIds(ctx, async (ids) => {
    const prepared = await ids.isPrepared(target, { signal: ctx.signal });
    ctx.out.data({ prepared }, String(prepared));
    if (!prepared) process.exitCode = 4;
  });
}

/** `catkit ids datafile-ids`. @example `await datafileIds(ctx, { dataset: ["7"] })` */
export async function datafileIds(ctx: CommandContext, options: TargetOptions): Promise<void> {
  const target = await targetOf(options);
  await withIds(ctx, async (ids) => {
    const answer = await ids.getDatafileIds(target, { signal: ctx.signal });
    ctx.out.data(answer, answer.ids.join("\n"));
  });
}

/** `catkit ids link DATAFILE_ID [LINK]`: IDS getLink (needs a read-write IDS with links enabled). @example `await link(ctx, {}, "12")` */
export async function link(ctx: CommandContext, options: { owner?: string }, datafileId: string): Promise<void> {
  if (!/^\d+$/.test(datafileId)) throw new UsageError(`DATAFILE_ID must be a positive integer, got ${JSON.stringify(datafileId)}`);
  await withIds(ctx, async (ids) => {
    const path = await ids.getLink(Number(datafileId), options.owner, { signal: ctx.signal });
    ctx.out.data({ path }, path);
  });
}
