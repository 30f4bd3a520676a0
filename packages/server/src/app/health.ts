// GET /health: each dependency (ICAT, IDS, broker, SciCat, logbook store) is checked with a
// short deadline; 200 when all answer, 503 naming those that do not.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

/**
 * One dependency check.
 *
 * @example
 * ```ts
 * const check: HealthCheck = { name: "icat", check: () => icat.getVersion().then(() => undefined) };
 * ```
 */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional(), ms: z.number() })),
});

const deadline = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref());

/**
 * Registers GET /health.
 *
 * @example
 * ```ts
 * registerHealth(app, [{ name: "broker", check: async () => undefined }]);
 * ```
 */
export function registerHealth(app: FastifyInstance, checks: readonly HealthCheck[], timeoutMs = 3_000): void {
  app.withTypeProvider<ZodTypeProvider>().get("/health", {
    schema: { tags: ["operations"], summary: "Reachability of ICAT, IDS, the broker, SciCat and the logbook store", response: { 200: HealthSchema, 503: HealthSchema } },
    config: { rateLimit: false },
  }, async (_req, reply) => {
    const results = await Promise.all(checks.map(async (c) => {
      const start = performance.now();
      try {
        await Promise.race([c.check(), deadline(timeoutMs)]);
        return [c.name, { ok: true, ms: Math.round(performance.now() - start) }] as const;
      } catch (err) {
        return [c.name, { ok: false, error: err instanceof Error ? err.message : String(err), ms: Math.round(performance.now() - start) }] as const;
      }
    }));
    const ok = results.every(([, r]) => r.ok);
    return reply.code(ok ? 200 : 503).send({ status: ok ? "ok" : "degraded", checks: Object.fromEntries(results) as z.infer<typeof HealthSchema>["checks"] });
  });
}
