// ICAT's unauthenticated information calls: `version` and `properties` (ICATRest.java
// getVersion, getProperties). REST has no getEntityInfo: catkit ships the 6.2 schema instead.
import { readJson } from "@catkit/core";
import { z } from "zod";
import { sendIcat, type CallOptions, type IcatContext } from "./icat-context.js";

const VersionAnswer = z.object({ version: z.string() });

const AuthenticatorSchema = z.looseObject({
  mnemonic: z.string(),
  keys: z.array(z.looseObject({ name: z.string(), hide: z.boolean().optional() })),
  admin: z.boolean().optional(),
  friendly: z.string().optional(),
});

const PropertiesSchema = z.looseObject({
  maxEntities: z.number().int(),
  lifetimeMinutes: z.number(),
  authenticators: z.array(AuthenticatorSchema),
  containerType: z.string().optional(),
});

/**
 * One authenticator ICAT offers: its mnemonic (the `plugin` of login), the credential keys it
 * asks for (`hide` marks secrets), whether it is for administrators, and a friendly name.
 *
 * @example
 * ```ts
 * const { authenticators } = await icat.properties();
 * authenticators.map((a) => a.mnemonic); // ["db", "simple"]
 * ```
 */
export type AuthenticatorInfo = z.infer<typeof AuthenticatorSchema>;

/**
 * What `GET properties` tells: maxEntities (the most objects a search may return), the session
 * lifetime in minutes, the authenticators, the container type.
 *
 * @example
 * ```ts
 * const { maxEntities, lifetimeMinutes } = await icat.properties(); // 10000, 120
 * ```
 */
export type IcatProperties = z.infer<typeof PropertiesSchema>;

/**
 * `GET version`: the server's version string, e.g. "6.2.0".
 *
 * @example
 * ```ts
 * await version(ctx); // "6.2.0"
 * ```
 */
export async function version(ctx: IcatContext, options: CallOptions = {}): Promise<string> {
  const res = await sendIcat(ctx, { method: "GET", path: "version", session: false, operation: "icat.version", signal: options.signal });
  return (await readJson(res, VersionAnswer)).version;
}

/**
 * `GET properties`.
 *
 * @example
 * ```ts
 * const { maxEntities } = await properties(ctx);
 * ```
 */
export async function properties(ctx: IcatContext, options: CallOptions = {}): Promise<IcatProperties> {
  const res = await sendIcat(ctx, { method: "GET", path: "properties", session: false, operation: "icat.properties", signal: options.signal });
  return readJson(res, PropertiesSchema);
}

/**
 * The server's maxEntities, read once per client and kept; `undefined` when the server does not
 * say (the properties call failed), in which case nothing is capped.
 *
 * @example
 * ```ts
 * const max = await maxEntities(ctx); // 10000
 * ```
 */
export function maxEntities(ctx: IcatContext, options: CallOptions = {}): Promise<number | undefined> {
  ctx.maxEntities ??= properties(ctx, options).then(
    (p) => p.maxEntities,
    (err: unknown) => {
      ctx.maxEntities = undefined;
      ctx.core.logger.debug({ err: err instanceof Error ? err.message : String(err) }, "icat: properties unavailable, page sizes are not capped");
      return undefined;
    },
  );
  return ctx.maxEntities;
}
