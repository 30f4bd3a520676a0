// Prepared selections (IdsBean.prepareData writes them as files under cache/prepared; the
// Tidier deletes the oldest beyond `preparedCount`, example 10000). No time-based expiry.
import { randomUUID } from "node:crypto";
import type { ResolvedSelection } from "./catalogue.js";
import { IdsException } from "./ids-exception.js";

/** What prepareData stored. */
export interface PreparedData {
  readonly zip: boolean;
  readonly compress: boolean;
  readonly resolved: ResolvedSelection;
}

/**
 * Prepared ids and their data.
 *
 * @example
 * ```ts
 * const id = store.add({ zip: true, compress: false, resolved });
 * store.get(id).resolved.datafiles;
 * ```
 */
export class PreparedStore {
  readonly #items = new Map<string, PreparedData>();
  readonly #limit: number;

  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  /** Stores prepared data under a new preparedId. */
  add(data: PreparedData): string {
    const id = randomUUID();
    this.#items.set(id, data);
    // Tidier.java: past preparedCount the oldest go first.
    while (this.#items.size > this.#limit) this.#items.delete(this.#items.keys().next().value as string);
    return id;
  }

  /** The prepared data, or 404 "The preparedId … is not known". */
  get(preparedId: string): PreparedData {
    const data = this.#items.get(preparedId);
    if (!data) throw new IdsException("NotFoundException", `The preparedId ${preparedId} is not known`);
    return data;
  }
}
