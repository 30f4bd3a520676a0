// isAdministrator and isInstrumentScientist of ICAT+'s session answers (POST session, GET
// session/{id}; pyicat-plus.md §2.2: mxcube lists every investigation of its beamlines for either
// role). Derived from ICAT as ICAT+ derives them: an instrument scientist has at least one
// InstrumentScientist row in ICAT; an administrator is named in the configuration, by ICAT user
// name or by an ICAT grouping it belongs to (gateway.administrators). The roles only label the
// answer: the gateway's reads stay the caller's own session's, so they widen nothing.
// The rows are read with the gateway's service account (icat.ingester) when it has one, since
// ICAT's rules often hide Grouping, UserGroup and InstrumentScientist rows from users; without
// one, with the caller's session (a role whose rows it cannot read is then false).
import { eq, inList, Query, type IcatClient } from "@catkit/icat";
import type { ServiceIcat } from "../app/service-icat.js";

/**
 * Who counts as an administrator (config gateway.administrators).
 *
 * @example
 * ```ts
 * const rules: AdministratorRules = { userNames: ["db/root"], groups: ["admin"] };
 * ```
 */
export interface AdministratorRules {
  readonly userNames: readonly string[];
  readonly groups: readonly string[];
}

/**
 * The roles of an ICAT+ session answer.
 *
 * @example
 * ```ts
 * const roles: SessionRoles = { isAdministrator: false, isInstrumentScientist: true };
 * ```
 */
export interface SessionRoles {
  isAdministrator: boolean;
  isInstrumentScientist: boolean;
}

/**
 * The roles of ICAT user `userName`.
 *
 * @example
 * ```ts
 * const roles = await sessionRoles("db/acord", { service, caller: access.icat(sessionId), administrators: config.gateway.administrators });
 * ```
 */
export async function sessionRoles(userName: string, o: { service: ServiceIcat | undefined; caller: IcatClient; administrators: AdministratorRules }): Promise<SessionRoles> {
  let icat = o.caller;
  if (o.service) {
    await o.service.ready();
    icat = o.service.icat;
  }
  const [scientist, member] = await Promise.all([
    icat.search(new Query("InstrumentScientist", { attributes: "id", conditions: { "user.name": eq(userName) }, limit: [0, 1] })),
    o.administrators.groups.length === 0
      ? []
      : icat.search(new Query("UserGroup", { attributes: "id", conditions: { "user.name": eq(userName), "grouping.name": inList(o.administrators.groups) }, limit: [0, 1] })),
  ]);
  return { isAdministrator: o.administrators.userNames.includes(userName) || member.length > 0, isInstrumentScientist: scientist.length > 0 };
}
