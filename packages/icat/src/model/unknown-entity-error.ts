/**
 * Thrown by {@link getEntityInfo} for a name that is not an ICAT entity. The message is the one
 * icat.server gives (EntityInfoHandler.java: "X is not an ICAT entity").
 *
 * @example
 * ```ts
 * try { getEntityInfo("Dataste"); } catch (e) { if (e instanceof UnknownEntityError) e.entityName; }
 * ```
 */
export class UnknownEntityError extends Error {
  override readonly name = "UnknownEntityError";
  readonly entityName: string;

  constructor(entityName: string) {
    super(`${entityName} is not an ICAT entity`);
    this.entityName = entityName;
  }
}
