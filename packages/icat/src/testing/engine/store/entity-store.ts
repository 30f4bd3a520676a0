import { ENTITY_NAMES, entityInfo, type EntityName } from "../../../model/index.js";
import { childIndexKey, manyToOneFields } from "./relations.js";
import type { Row, StoredValue } from "./row.js";
import { keyString, updateSet } from "./index-sets.js";
import { insertSorted, removeSorted } from "./sorted-ids.js";
import type { StoreView } from "./store-view.js";

interface Table {
  readonly rows: Map<number, Row>;
  readonly ids: number[];
}

type Undo = () => void;

/**
 * The in-memory tables of the ICAT sandbox: rows by entity and id, a global id sequence (as
 * icat.server's `GenerationType.SEQUENCE`), an index of children for every many-to-one field, an
 * index of unique keys, and an undo journal so that one write call is one transaction.
 *
 * @example
 * ```ts
 * const store = new EntityStore();
 * store.transaction(() => store.insert(row)); // rolled back if the callback throws
 * ```
 */
export class EntityStore implements StoreView {
  private readonly tables = new Map<EntityName, Table>();
  private readonly childIndex = new Map<string, Map<number, Set<number>>>();
  // Per entity, its many-to-one fields with the child index each one feeds.
  private readonly parentLinks = new Map<EntityName, { field: string; index: Map<number, Set<number>> }[]>();
  private readonly uniqueIndex = new Map<EntityName, Map<string, Set<number>>>();
  private journal: Undo[] | undefined;
  private nextId = 1;
  private changes = 0;

  constructor() {
    for (const name of ENTITY_NAMES) {
      this.tables.set(name, { rows: new Map(), ids: [] });
      const links = manyToOneFields(name).map((f) => {
        const index = new Map<number, Set<number>>();
        this.childIndex.set(childIndexKey(name, f.name), index);
        return { field: f.name, index };
      });
      this.parentLinks.set(name, links);
    }
  }

  get(entity: EntityName, id: number): Row | undefined {
    return this.table(entity).rows.get(id);
  }

  ids(entity: EntityName): readonly number[] {
    return this.table(entity).ids;
  }

  related(row: Row, field: string): Row | undefined {
    const info = entityInfo[row.entity].fields[field];
    const id = row.values[field];
    if (info?.kind !== "many-to-one" || typeof id !== "number") return undefined;
    return this.get(info.target, id);
  }

  children(parentEntity: EntityName, field: string, parentId: number): Row[] {
    const info = entityInfo[parentEntity].fields[field];
    if (info?.kind !== "one-to-many") return [];
    const ids = this.childIndex.get(childIndexKey(info.target, info.mappedBy))?.get(parentId);
    if (ids === undefined) return [];
    const rows: Row[] = [];
    for (const id of [...ids].sort((a, b) => a - b)) {
      const row = this.get(info.target, id);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }

  findByKey(entity: EntityName, key: readonly StoredValue[]): Row[] {
    const ids = this.uniqueIndex.get(entity)?.get(keyString(key));
    return ids === undefined ? [] : [...ids].flatMap((id) => this.get(entity, id) ?? []);
  }

  /** A number that changes whenever any row does (for caches of query results). */
  get version(): number {
    return this.changes;
  }

  /** Takes the next id of the sequence. */
  allocateId(): number {
    return this.nextId++;
  }

  /** Makes sure the sequence never hands out `id` (fixtures may bring their own ids). */
  reserveId(id: number): void {
    if (id >= this.nextId) this.nextId = id + 1;
  }

  /** Adds a row; its id must be unused. */
  insert(row: Row): void {
    const table = this.table(row.entity);
    if (table.rows.has(row.id)) throw new Error(`${row.entity}[id:${row.id}] is already stored`);
    table.rows.set(row.id, row);
    insertSorted(table.ids, row.id);
    this.reserveId(row.id);
    this.indexRow(row, true);
    this.record(() => this.unlink(row));
  }

  /** Sets one user field of a stored row, keeping the indexes current. */
  set(row: Row, field: string, value: StoredValue): void {
    const old = row.values[field] ?? null;
    if (old === value) return;
    this.indexRow(row, false);
    row.values[field] = value;
    this.indexRow(row, true);
    this.record(() => {
      this.indexRow(row, false);
      row.values[field] = old;
      this.indexRow(row, true);
    });
  }

  /** Records a modification of `row` by `user` at `time`. */
  touch(row: Row, user: string, time: Date): void {
    const [modId, modTime] = [row.modId, row.modTime];
    row.modId = user;
    row.modTime = time;
    this.record(() => {
      row.modId = modId;
      row.modTime = modTime;
    });
  }

  /** Removes a row (its dependants must be removed by the caller first). */
  remove(row: Row): void {
    this.unlink(row);
    this.record(() => {
      const table = this.table(row.entity);
      table.rows.set(row.id, row);
      insertSorted(table.ids, row.id);
      this.indexRow(row, true);
    });
  }

  /**
   * Runs `fn` as one transaction: if it throws, every change it made is undone. Nested calls
   * join the outer transaction.
   */
  transaction<T>(fn: () => T): T {
    if (this.journal !== undefined) return fn();
    const journal: Undo[] = [];
    this.journal = journal;
    try {
      return fn();
    } catch (e) {
      for (let i = journal.length - 1; i >= 0; i--) journal[i]?.();
      throw e;
    } finally {
      this.journal = undefined;
    }
  }

  private unlink(row: Row): void {
    const table = this.table(row.entity);
    if (table.rows.get(row.id) !== row) return;
    this.indexRow(row, false);
    table.rows.delete(row.id);
    removeSorted(table.ids, row.id);
  }

  private record(undo: Undo): void {
    this.changes++;
    this.journal?.push(() => {
      this.changes++;
      undo();
    });
  }

  private table(entity: EntityName): Table {
    const table = this.tables.get(entity);
    if (table === undefined) throw new Error(`${entity} is not an ICAT entity`);
    return table;
  }

  private indexRow(row: Row, add: boolean): void {
    for (const link of this.parentLinks.get(row.entity) ?? []) {
      const parentId = row.values[link.field];
      if (typeof parentId === "number") updateSet(link.index, parentId, row.id, add);
    }
    const uniqueKey = entityInfo[row.entity].uniqueKey;
    if (uniqueKey.length === 0) return;
    const values = uniqueKey.map((f) => row.values[f] ?? null);
    if (values.includes(null)) return;
    let byKey = this.uniqueIndex.get(row.entity);
    if (byKey === undefined) this.uniqueIndex.set(row.entity, (byKey = new Map<string, Set<number>>()));
    updateSet(byKey, keyString(values), row.id, add);
  }
}
