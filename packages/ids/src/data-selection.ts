// The set of investigations, datasets and datafiles an IDS call works on (python-icat
// DataSelection, PI src/icat/ids.py). Ids are deduplicated and kept in insertion order.
import { InvalidArgumentError } from "@catkit/core";
import { collectEntityIds, type EntityLike, type SelectionKey } from "./entity-refs.js";
import { toObjectId, type IdLike } from "./validation.js";

/**
 * Ids by kind, as plain lists: the `dict` form python-icat accepts.
 *
 * @example
 * ```ts
 * const ids: SelectionIds = { datasetIds: [7], datafileIds: ["12", 13n] };
 * ```
 */
export interface SelectionIds {
  readonly investigationIds?: Iterable<IdLike>;
  readonly datasetIds?: Iterable<IdLike>;
  readonly datafileIds?: Iterable<IdLike>;
}

/**
 * What a selection can be built from: another selection, lists of ids, or ICAT entity objects.
 *
 * @example
 * ```ts
 * const a: SelectionInput = { datafileIds: [12] };
 * const b: SelectionInput = [{ entityType: "Dataset", id: 7 }];
 * ```
 */
export type SelectionInput = DataSelection | SelectionIds | Iterable<EntityLike>;

const KEYS: readonly SelectionKey[] = ["investigationIds", "datasetIds", "datafileIds"];

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === "object" && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === "function";
}

/**
 * A set of data for IDS: investigation, dataset and datafile ids.
 *
 * An empty selection is valid and means what ids.server makes of it: nothing selected, and
 * `getData` answers with an (empty) zip (ids.server DataSelection.java `mustZip`).
 *
 * @example
 * ```ts
 * const selection = new DataSelection({ datasetIds: [7] })
 *   .extend([{ entityType: "Datafile", id: 12 }])
 *   .extend({ datafileIds: ["12"] }); // deduplicated
 * selection.datafileIds; // [12]
 * ```
 */
export class DataSelection {
  readonly #ids: Record<SelectionKey, Set<number>> = { investigationIds: new Set(), datasetIds: new Set(), datafileIds: new Set() };

  constructor(input?: SelectionInput) {
    if (input !== undefined) this.extend(input);
  }

  /**
   * Returns `input` itself when it already is a DataSelection, else a new one built from it.
   *
   * @example
   * ```ts
   * const selection = DataSelection.from([{ Dataset: { id: 7 } }]);
   * ```
   */
  static from(input: SelectionInput): DataSelection {
    return input instanceof DataSelection ? input : new DataSelection(input);
  }

  /**
   * Adds ids from a selection, from `{ investigationIds, datasetIds, datafileIds }` lists, or from
   * ICAT entity objects (Investigation, Dataset, Datafile, DataCollection). Returns `this`.
   *
   * @example
   * ```ts
   * selection.extend({ investigationIds: [3] }).extend(otherSelection);
   * ```
   */
  extend(input: SelectionInput): this {
    if (input instanceof DataSelection) {
      for (const key of KEYS) for (const id of input.#ids[key]) this.#ids[key].add(id);
    } else if (isIterable(input)) {
      let i = 0;
      for (const entity of input) collectEntityIds(entity, `selection[${i++}]`, (key, id) => this.#ids[key].add(id));
    } else if (typeof input === "object" && input !== null) {
      const unknown = Object.keys(input).filter((k) => !KEYS.includes(k as SelectionKey));
      if (unknown.length > 0) {
        throw new InvalidArgumentError(
          `selection has unknown keys ${unknown.join(", ")}: use investigationIds, datasetIds and datafileIds (or pass a list of entity objects)`,
          { argument: "selection" },
        );
      }
      for (const key of KEYS) {
        const ids = input[key];
        if (ids === undefined) continue;
        if (!isIterable(ids) || typeof ids === "string") {
          throw new InvalidArgumentError(`selection.${key} must be a list of ids, got ${JSON.stringify(ids)}`, { argument: key });
        }
        let i = 0;
        for (const id of ids) this.#ids[key].add(toObjectId(id, `${key}[${i++}]`));
      }
    } else {
      throw new InvalidArgumentError(`a selection must be a DataSelection, an object of id lists or a list of entities, got ${String(input)}`, {
        argument: "selection",
      });
    }
    return this;
  }

  /** Investigation ids, in insertion order. */
  get investigationIds(): readonly number[] {
    return [...this.#ids.investigationIds];
  }

  /** Dataset ids, in insertion order. */
  get datasetIds(): readonly number[] {
    return [...this.#ids.datasetIds];
  }

  /** Datafile ids, in insertion order. */
  get datafileIds(): readonly number[] {
    return [...this.#ids.datafileIds];
  }

  /** Number of ids of all kinds. */
  get size(): number {
    return this.#ids.investigationIds.size + this.#ids.datasetIds.size + this.#ids.datafileIds.size;
  }

  /** True when nothing is selected. */
  isEmpty(): boolean {
    return this.size === 0;
  }

  /**
   * True when IDS will answer `getData` with a zip whatever the `zip` flag: more than one
   * datafile, any dataset or investigation, or an empty selection (ids.server
   * DataSelection.java `mustZip`).
   *
   * @example
   * ```ts
   * new DataSelection({ datafileIds: [12] }).mustZip(); // false
   * new DataSelection({ datasetIds: [7] }).mustZip();   // true
   * ```
   */
  mustZip(): boolean {
    const { investigationIds, datasetIds, datafileIds } = this.#ids;
    return datafileIds.size > 1 || datasetIds.size > 0 || investigationIds.size > 0 || this.size === 0;
  }

  /**
   * The request parameters: comma-separated lists, empty kinds left out.
   *
   * @example
   * ```ts
   * new DataSelection({ datafileIds: [1, 2] }).toParams(); // { datafileIds: "1,2" }
   * ```
   */
  toParams(): Partial<Record<SelectionKey, string>> {
    const params: Partial<Record<SelectionKey, string>> = {};
    for (const key of KEYS) if (this.#ids[key].size > 0) params[key] = [...this.#ids[key]].join(",");
    return params;
  }

  /**
   * A copy holding the same ids.
   *
   * @example
   * ```ts
   * const copy = selection.clone().extend({ datafileIds: [99] }); // selection is unchanged
   * ```
   */
  clone(): DataSelection {
    return new DataSelection(this);
  }

  toString(): string {
    const { investigationIds, datasetIds, datafileIds } = this;
    return `DataSelection{investigationIds: [${investigationIds.join(", ")}], datasetIds: [${datasetIds.join(", ")}], datafileIds: [${datafileIds.join(", ")}]}`;
  }
}
