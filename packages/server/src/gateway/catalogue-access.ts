// Clients acting as the caller: every ICAT and IDS call the gateway makes for a request carries
// the caller's own ICAT session, so ICAT's authorization rules decide what they see (the gateway
// never holds a privileged session for reads). One transport is shared by all of them: core's
// FastTransport, undici for catalogue calls and its fast HTTP/1.1 path for IDS data transfers,
// whose pooled body the download routes relay without a copy (relay-body.ts).
import { FastTransport, staticSession, type Transport } from "@catkit/core";
import { IcatClient } from "@catkit/icat";
import { IdsClient } from "@catkit/ids";
import type { FastifyRequest } from "fastify";
import { RequestError } from "../app/error-reply.js";

/**
 * ICAT and IDS clients for a caller's session.
 *
 * @example
 * ```ts
 * const access = new CatalogueAccess({ icatUrl, idsUrl });
 * const icat = access.icat(sessionOf(req));
 * ```
 */
export class CatalogueAccess {
  readonly icatUrl: string;
  readonly idsUrl: string | undefined;
  readonly transport: Transport;
  readonly #own: FastTransport | undefined;

  constructor(o: { icatUrl: string; idsUrl?: string | undefined; transport?: Transport }) {
    this.icatUrl = o.icatUrl;
    this.idsUrl = o.idsUrl;
    this.#own = o.transport ? undefined : new FastTransport();
    this.transport = o.transport ?? (this.#own as FastTransport);
  }

  /** An ICAT client signing with `sessionId` (no refresh, no re-login: the session is the caller's). */
  icat(sessionId: string | undefined): IcatClient {
    return new IcatClient({ url: this.icatUrl, transport: this.transport, ...(sessionId === undefined ? {} : { credential: staticSession(sessionId) }) });
  }

  /** An IDS client signing with `sessionId`. */
  ids(sessionId: string): IdsClient {
    if (this.idsUrl === undefined) throw new RequestError(501, "NO_IDS", "this gateway has no IDS configured (ids.url)");
    return new IdsClient({ url: this.idsUrl, transport: this.transport, credential: staticSession(sessionId), retry: false });
  }

  async close(): Promise<void> {
    await this.#own?.close();
  }
}

/**
 * The caller's ICAT session: `Authorization: Bearer <sessionId>`, or `?sessionId=` (for links a
 * browser follows, e.g. downloads).
 *
 * @throws {RequestError} 401 when there is none.
 * @example
 * ```ts
 * const sessionId = sessionOf(req);
 * ```
 */
export function sessionOf(req: FastifyRequest): string {
  const auth = req.headers.authorization;
  const bearer = auth && /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  const query = (req.query as Record<string, unknown> | undefined)?.sessionId;
  const id = bearer || (typeof query === "string" ? query : undefined);
  if (!id) throw new RequestError(401, "NO_SESSION", "an ICAT session is required: send Authorization: Bearer <sessionId> (POST /api/v1/session logs in)");
  return id;
}
