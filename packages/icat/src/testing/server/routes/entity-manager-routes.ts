// GET, POST and DELETE entityManager (ICATRest.search, write, delete): the HTTP half. The query
// language, write rules, authorization, maxEntities and JSON rendering are the engine's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { queryOf, readForm } from "@catkit/core/testing";
import { IcatEngineError } from "../../engine/index.js";
import { notImplemented, sendIcatEmpty, sendIcatJson } from "../icat-http.js";
import type { IcatSandboxState } from "../sandbox-state.js";

// JAX-RS converts `@QueryParam("id") Long id` with Long.valueOf; a value it cannot convert is a
// NotFoundException (JAX-RS spec §3.2), which icat.server maps to 501 (inferred).
function parseId(text: string | null): number | undefined {
  if (text === null) return undefined;
  if (!/^[+-]?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) throw notImplemented();
  return Number(text);
}

/**
 * `GET entityManager?sessionId&query[&id]`: a search (JSON array) or, with `id`, a get (one
 * `{"Type":{…}}`).
 *
 * @example
 * ```ts
 * searchRoute(state, req, res);
 * ```
 */
export function searchRoute(state: IcatSandboxState, req: IncomingMessage, res: ServerResponse): void {
  const params = queryOf(req);
  const query = params.get("query");
  const id = parseId(params.get("id"));
  // ICATRest.search checks the query before the session.
  if (query === null) throw new IcatEngineError("BAD_PARAMETER", "query is not set");
  const user = state.sessions.userName(params.get("sessionId"));
  sendIcatJson(res, 200, id === undefined ? state.engine.searchJson(user, query) : state.engine.getJson(user, query, id));
}

/**
 * `POST entityManager` with form `sessionId`, `entities`: creates and updates; answers the ids
 * of the created top-level objects.
 *
 * @example
 * ```ts
 * await writeRoute(state, req, res);
 * ```
 */
export async function writeRoute(state: IcatSandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const user = state.sessions.userName(form.get("sessionId"));
  const entities = form.get("entities");
  if (entities === null) throw new IcatEngineError("BAD_PARAMETER", "entities is not set");
  sendIcatJson(res, 200, state.engine.write(user, entities));
}

/**
 * `DELETE entityManager?sessionId&entities`: deletes with cascade, 204.
 *
 * @example
 * ```ts
 * deleteRoute(state, req, res);
 * ```
 */
export function deleteRoute(state: IcatSandboxState, req: IncomingMessage, res: ServerResponse): void {
  const params = queryOf(req);
  const entities = params.get("entities");
  // ICATRest.delete reads and checks the JSON before it looks at the session.
  if (entities === null) throw new IcatEngineError("BAD_PARAMETER", "entities is not set");
  let parsed: unknown;
  try {
    parsed = JSON.parse(entities);
  } catch (e) {
    throw new IcatEngineError("BAD_PARAMETER", `${e instanceof Error ? e.message : String(e)} in json ${entities}`);
  }
  const user = state.sessions.userName(params.get("sessionId"));
  state.engine.delete(user, parsed as object);
  sendIcatEmpty(res);
}
