// POST /api/v1/session logs in to ICAT and hands the session id back; DELETE logs it out. The
// gateway keeps nothing: the session is the caller's, sent back on every request.
import { registerSecret } from "@catkit/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { sessionOf, type CatalogueAccess } from "../catalogue-access.js";
import { ERRORS, LoginIn, SessionOut } from "./api-schemas.js";

/**
 * Registers the session routes.
 *
 * @example
 * ```ts
 * await app.register((api) => sessionRoutes(api, access), { prefix: "/api/v1" });
 * ```
 */
export function sessionRoutes(app: FastifyInstance, access: CatalogueAccess): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post("/session", { schema: { tags: ["session"], summary: "Log in to ICAT", body: LoginIn, response: { 200: SessionOut, ...ERRORS } } }, async (req) => {
    const icat = access.icat(undefined);
    const sessionId = await icat.login(req.body.plugin, req.body.credentials);
    registerSecret(sessionId);
    const { userName, remainingMinutes } = await icat.sessionInfo();
    return { sessionId, userName, remainingMinutes };
  });
  r.get("/session", { schema: { tags: ["session"], summary: "Who the session is", security: [{ icatSession: [] }], querystring: z.object({ sessionId: z.string().optional() }), response: { 200: SessionOut.omit({ sessionId: true }), ...ERRORS } } }, async (req) => {
    const { userName, remainingMinutes } = await access.icat(sessionOf(req)).sessionInfo();
    return { userName, remainingMinutes };
  });
  r.delete("/session", { schema: { tags: ["session"], summary: "Log out", security: [{ icatSession: [] }], response: { 204: z.null(), ...ERRORS } } }, async (req, reply) => {
    await access.icat(sessionOf(req)).logout();
    return reply.code(204).send(null);
  });
}
