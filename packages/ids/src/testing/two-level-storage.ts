// Two-level storage as ids.server behaves to its clients (FiniteStateMachine.java, IdsBean
// restoreIfOffline/checkOnline/getStatus), per storage unit (a dataset or a datafile):
//   ONLINE --archive--> ARCHIVED --restore / getData / isPrepared--> RESTORING --delay--> ONLINE
// A restore can be made to fail: the unit goes back to ARCHIVED and the failure is remembered,
// so getStatus and isPrepared answer 500 "Restore failed" until reset (or prepareData) clears it.
// The bytes stay in the main storage directory: only the state moves.
import type { CatalogueDatafile, CatalogueDataset, ResolvedSelection } from "./catalogue.js";
import { IdsException } from "./ids-exception.js";

/**
 * What IDS archives and restores as a whole (run.properties `storageUnit`).
 *
 * @example
 * ```ts
 * const unit: StorageUnitKind = "dataset";
 * ```
 */
export type StorageUnitKind = "dataset" | "datafile";

/**
 * A unit's storage state, as getStatus names it.
 *
 * @example
 * ```ts
 * const status: UnitStatus = sandbox.twoLevel?.statusOf(datasetId) ?? "ONLINE";
 * ```
 */
export type UnitStatus = "ONLINE" | "RESTORING" | "ARCHIVED";

/**
 * Options of two-level mode.
 *
 * @example
 * ```ts
 * await startIdsSandbox({ twoLevel: { storageUnit: "datafile", restoreDelayMs: 50 } });
 * ```
 */
export interface TwoLevelOptions {
  /** Default "dataset" (ids.server's example configuration). */
  storageUnit?: StorageUnitKind;
  /** How long a restore takes, ms (default 200). */
  restoreDelayMs?: number;
}

/**
 * A storage unit: a dataset or a datafile, by id.
 *
 * @example
 * ```ts
 * const unit: StorageUnit = { id: 7, data: "3/7 (ESNF/12100409-ST/1.1-P/greetings)", empty: false };
 * ```
 */
export interface StorageUnit {
  id: number;
  /** How getServiceStatus shows it: DsInfoImpl.toString or the datafile location. */
  data: string;
  /** Datasets without datafiles are never offline (IdsBean emptyDatasets). */
  empty: boolean;
}

const describeDataset = (d: CatalogueDataset) =>
  `${d.investigation.id}/${d.id} (${d.investigation.facility.name}/${d.investigation.name}/${d.investigation.visitId}/${d.name})`;

/**
 * The archive state of every storage unit of a two-level sandbox.
 *
 * @example
 * ```ts
 * sandbox.twoLevel?.failNextRestore(); // the next restore fails: getStatus → 500 "Restore failed"
 * ```
 */
export class TwoLevelStorage {
  readonly storageUnit: StorageUnitKind;
  readonly restoreDelayMs: number;
  readonly #state = new Map<number, UnitStatus>();
  readonly #failures = new Set<number>();
  readonly #timers = new Map<number, NodeJS.Timeout>();
  readonly #restoring = new Map<number, string>();
  readonly #failIds = new Set<number>();
  #failAny = 0;

  constructor(options: TwoLevelOptions = {}) {
    this.storageUnit = options.storageUnit ?? "dataset";
    this.restoreDelayMs = options.restoreDelayMs ?? 200;
  }

  /** The units a resolved selection touches. */
  unitsOf(resolved: ResolvedSelection): StorageUnit[] {
    if (this.storageUnit === "datafile") return resolved.datafiles.map((d: CatalogueDatafile) => ({ id: d.id, data: d.location, empty: false }));
    const used = new Set(resolved.datafiles.map((d) => d.datasetId));
    return resolved.datasets.map((d) => ({ id: d.id, data: describeDataset(d), empty: !used.has(d.id) })).sort((a, b) => a.id - b.id);
  }

  /** The state of one unit. */
  statusOf(id: number): UnitStatus {
    return this.#state.get(id) ?? "ONLINE";
  }

  /** Moves units to archive storage (queued restores are cancelled). */
  archive(units: readonly StorageUnit[]): void {
    for (const unit of units) {
      if (unit.empty) continue;
      clearTimeout(this.#timers.get(unit.id));
      this.#timers.delete(unit.id);
      this.#restoring.delete(unit.id);
      this.#state.set(unit.id, "ARCHIVED");
    }
  }

  /** Starts restoring the archived ones among `units`. */
  restore(units: readonly StorageUnit[]): void {
    for (const unit of units) if (this.statusOf(unit.id) === "ARCHIVED") this.#startRestore(unit);
  }

  #startRestore(unit: StorageUnit): void {
    this.#state.set(unit.id, "RESTORING");
    this.#restoring.set(unit.id, unit.data);
    let fail = this.#failIds.delete(unit.id);
    if (!fail && this.#failAny > 0) {
      this.#failAny--;
      fail = true;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(unit.id);
      this.#restoring.delete(unit.id);
      this.#state.set(unit.id, fail ? "ARCHIVED" : "ONLINE");
      if (fail) this.#failures.add(unit.id); // FiniteStateMachine.recordFailure
    }, this.restoreDelayMs);
    timer.unref();
    this.#timers.set(unit.id, timer);
  }

  /**
   * getStatus: 500 "Restore failed" for a remembered failure; ARCHIVED as soon as one unit is;
   * RESTORING if any is; else ONLINE (IdsBean.getStatus).
   */
  status(units: readonly StorageUnit[]): UnitStatus {
    let status: UnitStatus = "ONLINE";
    for (const unit of units) {
      this.checkFailure(unit);
      const state = unit.empty ? "ONLINE" : this.statusOf(unit.id);
      if (state === "RESTORING") status = "RESTORING";
      else if (state === "ARCHIVED") return "ARCHIVED";
    }
    return status;
  }

  /** Throws 500 "Restore failed" when a restore of the unit failed (FiniteStateMachine.checkFailure). */
  checkFailure(unit: StorageUnit): void {
    if (this.#failures.has(unit.id)) throw new IdsException("InternalException", "Restore failed");
  }

  /** Restores what is archived among `units`; true when any is not online (IdsBean.restoreIfOffline). */
  restoreIfOffline(units: readonly StorageUnit[]): boolean {
    let offline = false;
    for (const unit of units) {
      if (unit.empty) continue;
      const state = this.statusOf(unit.id);
      if (state === "ARCHIVED") this.#startRestore(unit);
      if (state !== "ONLINE") offline = true;
    }
    return offline;
  }

  /** Forgets remembered failures (reset, prepareData: FiniteStateMachine.recordSuccess). */
  recordSuccess(units: readonly StorageUnit[]): void {
    for (const unit of units) this.#failures.delete(unit.id);
  }

  /** Makes the next restore of these units (of any one unit when none are given) fail. */
  failNextRestore(unitIds?: readonly number[]): void {
    if (unitIds === undefined) this.#failAny++;
    else for (const id of unitIds) this.#failIds.add(id);
  }

  /** The parts of getServiceStatus this storage knows. */
  serviceStatus(): { opsQueue: Array<{ data: string; request: string }>; failures: number[] } {
    return {
      opsQueue: [...this.#restoring.values()].map((data) => ({ data, request: "RESTORE_REQUESTED" })),
      failures: [...this.#failures],
    };
  }

  /** Stops pending restores (on sandbox close). */
  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
