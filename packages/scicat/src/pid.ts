// Dataset PIDs as scitacean models them (SCT:src/scitacean/pid.py): `prefix/id`, split at the
// FIRST slash; the string form re-joins them. In a URL path the whole pid is ONE segment with
// the slash encoded as %2F (scitacean and pyscicat quote_plus, the SDK encodeURIComponent).
import { randomUUID } from "node:crypto";
import { InvalidArgumentError } from "@catkit/core";

/**
 * A SciCat dataset PID.
 *
 * @example
 * ```ts
 * const pid = PID.parse("20.500.12269/4f8c1e2a-…");
 * pid.prefix;     // "20.500.12269"
 * pid.id;         // "4f8c1e2a-…"
 * pid.toPath();   // "20.500.12269%2F4f8c1e2a-…"
 * ```
 */
export class PID {
  readonly prefix: string | undefined;
  readonly id: string;

  constructor(id: string, prefix?: string) {
    if (id === "" || /[\s]/.test(id) || (prefix !== undefined && (prefix === "" || prefix.includes("/") || /\s/.test(prefix)))) {
      throw new InvalidArgumentError(`invalid PID: ${JSON.stringify(prefix === undefined ? id : `${prefix}/${id}`)} (expected "prefix/id" or "id", without whitespace)`, { argument: "pid" });
    }
    this.prefix = prefix;
    this.id = id;
  }

  /** Parses `prefix/id` (split at the first slash) or a bare id; a PID is returned as is. */
  static parse(value: string | PID): PID {
    if (value instanceof PID) return value;
    if (typeof value !== "string") throw new InvalidArgumentError(`invalid PID: expected a string, got ${typeof value}`, { argument: "pid" });
    const slash = value.indexOf("/");
    return slash < 0 ? new PID(value) : new PID(value.slice(slash + 1), value.slice(0, slash));
  }

  /** A new PID with a random UUID (scitacean PID.generate). */
  static generate(prefix?: string): PID {
    return new PID(randomUUID(), prefix);
  }

  /** The pid as SciCat stores it. */
  toString(): string {
    return this.prefix === undefined ? this.id : `${this.prefix}/${this.id}`;
  }

  /** One URL path segment: every reserved character encoded, `/` as %2F (never double-encoded). */
  toPath(): string {
    return encodeURIComponent(this.toString());
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: PID | string): boolean {
    return String(other) === this.toString();
  }
}
