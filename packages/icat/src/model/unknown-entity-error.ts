import { InvalidArgumentError } from "@catkit/core";
import { IcatErrorCode } from "../errors/icat-error-codes.js";

/**
 * Thrown by {@link getEntityInfo} for a name that is not an ICAT entity. The message is the one
 * icat.server gives (EntityInfoHandler.java: "X is not an ICAT entity"); code ICAT_UNKNOWN_ENTITY.
 *
 * @example
 * ```ts
 * try { getEntityInfo("Dataste"); } catch (e) { if (e instanceof UnknownEntityError) e.entityName; }
 * ```
 */
export class UnknownEntityError extends InvalidArgumentError {
  static override readonly kind: string = "catkit.UnknownEntityError";
  readonly entityName: string;

  constructor(entityName: string) {
    super(`${entityName} is not an ICAT entity`, { argument: "entity", code: IcatErrorCode.UnknownEntity });
    this.entityName = entityName;
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), entityName: this.entityName };
  }
}
