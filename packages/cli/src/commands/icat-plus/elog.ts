// catkit icat-plus elog send | image: pyicat-plus's send_message and send_binary_file through
// @catkit/icat-plus (POST dataacquisition/{token}/notification and …/base64). A post ICAT+ does
// not confirm (network error, timeout, 5xx) is kept in icat-plus's outbox and said so (exit 0,
// as the store tools); a 4xx is an error.
import { stat } from "node:fs/promises";
import type { Delivery } from "@catkit/icat-plus";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { icatPlusClient, type IcatPlusFlags } from "../../shared/icat-plus-client.js";

/** Flags of the e-logbook commands. */
export interface ElogFlags extends IcatPlusFlags {
  beamline?: string;
  proposal?: string;
  dataset?: string;
  /** pyicat-plus message_type: comment, debug, info, warning, error, command. */
  category?: string;
  tag?: string[];
  beamlineOnly?: boolean;
}

function elogOptions(flags: ElogFlags) {
  if (flags.beamlineOnly ? !flags.beamline : !flags.proposal) {
    throw new UsageError("say which e-logbook: --proposal P (with --beamline B), or --beamline B --beamline-only");
  }
  return {
    beamline: flags.beamline,
    proposal: flags.proposal,
    beamlineOnly: flags.beamlineOnly,
    dataset: flags.dataset,
    messageType: flags.category,
    ...(flags.tag && flags.tag.length > 0 ? { payload: { tags: flags.tag.map((name) => ({ name })) } } : {}),
  };
}

function report(ctx: CommandContext, what: string, delivery: Delivery): void {
  const text = delivery.outcome === "sent" ? `${what}: posted to ICAT+` : `${what}: ICAT+ did not confirm it (${delivery.reason}); kept in the outbox, "catkit icat-plus outbox flush" sends it`;
  if (delivery.outcome !== "sent") ctx.out.warn(text);
  ctx.out.data({ ...delivery }, text);
}

/**
 * `catkit icat-plus elog send MESSAGE…`.
 *
 * @example
 * ```ts
 * await send(ctx, { beamline: "id00", proposal: "id002207", tag: ["align"] }, ["Beam", "is", "back"]);
 * ```
 */
export async function send(ctx: CommandContext, flags: ElogFlags, words: string[]): Promise<void> {
  const message = words.join(" ");
  if (message.trim() === "") throw new UsageError("the message is empty");
  const options = elogOptions(flags);
  const client = await icatPlusClient(ctx.globals, flags);
  try {
    report(ctx, "message", await client.sendMessage(message, options));
  } finally {
    await client.close();
  }
}

/**
 * `catkit icat-plus elog image FILE`: the file as base64 (mimetype from its name).
 *
 * @example
 * ```ts
 * await image(ctx, { beamline: "id00", proposal: "id002207" }, "scan.png");
 * ```
 */
export async function image(ctx: CommandContext, flags: ElogFlags, file: string): Promise<void> {
  const st = await stat(file).catch(() => undefined);
  if (!st?.isFile()) throw new UsageError(`${file} is not a readable file`);
  const options = elogOptions(flags);
  const client = await icatPlusClient(ctx.globals, flags);
  try {
    report(ctx, file, await client.sendBinaryFile(file, options));
  } finally {
    await client.close();
  }
}
