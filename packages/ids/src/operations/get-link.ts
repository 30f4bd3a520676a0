// getLink (POST form; deprecated, removed on ids.server branch v3): a hard link to a datafile
// on the IDS file system, for users with direct access to it. 501 unless the server sets
// linkLifetimeSeconds (IdsBean.getLink).
import { userInfo } from "node:os";
import { noDataNotOnlineRetry, sendIds, type CallOptions, type IdsContext, callSettings } from "./ids-context.js";
import { readTextAnswer } from "./read-answer.js";
import { toObjectId, type IdLike } from "../validation.js";

/**
 * `POST getLink`: the path of a new hard link to the datafile, readable by `username`
 * (default: the local user, as python-icat does).
 *
 * @example
 * ```ts
 * const path = await getLink(ctx, 12, "jdoe");
 * ```
 */
export async function getLink(ctx: IdsContext, datafileId: IdLike, username?: string, options: CallOptions = {}): Promise<string> {
  const id = toObjectId(datafileId, "datafileId");
  const res = await sendIds(ctx, {
    method: "POST",
    path: "getLink",
    form: { datafileId: id, username: username ?? userInfo().username },
    session: "required",
    retry: noDataNotOnlineRetry(),
    operation: "ids.getLink",
    ...callSettings(options),
  });
  return readTextAnswer(res);
}
