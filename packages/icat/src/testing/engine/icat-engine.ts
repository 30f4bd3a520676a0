import { createDefaultPolicy } from "./authz/default-policy.js";
import type { AuthorizationPolicy } from "./authz/authorization-policy.js";
import type { IcatFixture } from "./fixtures/fixture-format.js";
import { loadFixture } from "./fixtures/load-fixture.js";
import { IcatEngineError } from "./icat-engine-error.js";
import { getCall, searchCall, type ReadContext } from "./read-calls.js";
import { registerDatafile, type DatafileRegistration } from "./register-datafile.js";
import { EntityStore } from "./store/entity-store.js";
import type { StoreView } from "./store/store-view.js";
import { deleteEntities } from "./write/delete-entities.js";
import { writeEntities } from "./write/write-entities.js";
import type { WriteSession } from "./write/write-session.js";

/**
 * Options of {@link IcatEngine}.
 *
 * @example
 * ```ts
 * const options: IcatEngineOptions = { rootUserNames: ["db/root"], maxEntities: 1000, fixture: tutorialFixture };
 * ```
 */
export interface IcatEngineOptions {
  /** icat.server's `rootUserNames` (default `["db/root"]`). */
  readonly rootUserNames?: Iterable<string>;
  /** icat.server's `maxEntities` (default 10000, as in its run.properties.example). */
  readonly maxEntities?: number;
  /** Authorization rules (default {@link createDefaultPolicy} with the root users). */
  readonly policy?: AuthorizationPolicy;
  /** The time source for createTime/modTime and CURRENT_TIMESTAMP. */
  readonly clock?: () => Date;
  /** Data to load at start. */
  readonly fixture?: IcatFixture;
}

function parseJson(text: string, offset: number | undefined): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new IcatEngineError("BAD_PARAMETER", `${e instanceof Error ? e.message : String(e)} in json ${text}`, offset);
  }
}

/**
 * The in-memory ICAT behind the sandbox server: the calls of icat.server's `entityManager`
 * resource (search, get, write, delete) on a store of entities, with icat.server's query
 * language, write rules, authorization hook, maxEntities limit, error codes and JSON output.
 * It knows nothing of HTTP or sessions: callers pass the user name a session resolves to.
 *
 * @example
 * ```ts
 * const engine = new IcatEngine({ fixture: tutorialFixture });
 * engine.search("db/nbour", "SELECT d.name FROM Dataset d ORDER BY d.name"); // ["e201215", "e201216"]
 * engine.write("db/root", '{"Facility":{"name":"another fred"}}'); // [id]
 * ```
 */
export class IcatEngine {
  readonly maxEntities: number;
  readonly rootUserNames: ReadonlySet<string>;
  readonly policy: AuthorizationPolicy;
  private readonly store = new EntityStore();
  private readonly clock: () => Date;
  private readonly pageCache: { entry?: { key: string; version: number; ids: number[] } } = {};

  constructor(options: IcatEngineOptions = {}) {
    this.rootUserNames = new Set(options.rootUserNames ?? ["db/root"]);
    this.maxEntities = options.maxEntities ?? 10000;
    this.policy = options.policy ?? createDefaultPolicy({ rootUserNames: this.rootUserNames });
    this.clock = options.clock ?? (() => new Date());
    if (options.fixture !== undefined) this.load(options.fixture);
  }

  /** Read access to the stored rows (for other sandboxes, such as the IDS one, and for tests). */
  get view(): StoreView {
    return this.store;
  }

  /**
   * Loads fixture data (see {@link IcatFixture}); returns the ids given to its `$key`s.
   *
   * @example
   * ```ts
   * const ids = engine.load(tutorialFixture); ids.get("inv1");
   * ```
   */
  load(fixture: IcatFixture): Map<string, number> {
    return loadFixture(this.store, fixture, this.clock());
  }

  /**
   * Runs a search (JPQL-style or concise syntax) and returns the JSON text icat.server would send.
   *
   * @example
   * ```ts
   * engine.searchJson("db/root", "SELECT COUNT(d) FROM Dataset d"); // "[3]"
   * ```
   */
  searchJson(user: string, query: string): string {
    return searchCall(this.readContext(user), query);
  }

  /**
   * {@link searchJson}, parsed: entities as `{"Type":{…}}` objects, dates as strings.
   *
   * @example
   * ```ts
   * engine.search("db/root", "SELECT f FROM Facility f"); // [{ Facility: { id: 1, … } }]
   * ```
   */
  search(user: string, query: string): unknown[] {
    return JSON.parse(this.searchJson(user, query)) as unknown[];
  }

  /**
   * Gets one entity by id with a get query (`Dataset`, `Dataset ds INCLUDE ds.datafiles`,
   * `Dataset INCLUDE 1`) and returns icat.server's JSON text `{"Dataset":{…}}`.
   *
   * @example
   * ```ts
   * engine.getJson("db/root", "Dataset INCLUDE Investigation, Facility", 7);
   * ```
   */
  getJson(user: string, query: string, id: number): string {
    return getCall(this.readContext(user), query, id);
  }

  /**
   * {@link getJson}, parsed.
   *
   * @example
   * ```ts
   * engine.get("db/root", "Facility", 1); // { Facility: { id: 1, name: "ESNF", … } }
   * ```
   */
  get(user: string, query: string, id: number): unknown {
    return JSON.parse(this.getJson(user, query, id)) as unknown;
  }

  /**
   * Creates and updates entities (`POST /entityManager`); `entities` is the JSON text of the
   * `entities` form field, or the value it parses to. Returns the ids of created top-level objects.
   *
   * @example
   * ```ts
   * engine.write("db/root", [{ Facility: { name: "another fred" } }]); // [42]
   * ```
   */
  write(user: string, entities: string | object): number[] {
    const input = typeof entities === "string" ? parseJson(entities, 0) : entities;
    return writeEntities(this.session(user), input);
  }

  /**
   * Deletes entities (`DELETE /entityManager`), with their one-to-many dependants.
   *
   * @example
   * ```ts
   * engine.delete("db/root", '{"Dataset":{"id":5}}');
   * ```
   */
  delete(user: string, entities: string | object): void {
    const input = typeof entities === "string" ? parseJson(entities, undefined) : entities;
    deleteEntities(this.session(user), input);
  }

  /**
   * Registers a datafile the IDS sandbox has stored, as ids.server does after a put: a normal
   * write with the uploading user's rights. Returns the new Datafile's id.
   *
   * @example
   * ```ts
   * engine.registerDatafile("db/nbour", { name: "greet-jdoe.txt", datasetId: 10, datafileFormatId: 4, location: "3/10/uuid", fileSize: 12, checksum: "bef32c73" });
   * ```
   */
  registerDatafile(user: string, datafile: DatafileRegistration): number {
    return registerDatafile((entities) => this.write(user, entities), datafile);
  }

  private session(user: string): WriteSession {
    return { store: this.store, policy: this.policy, user, now: this.clock(), created: new Set() };
  }

  private readContext(user: string): ReadContext {
    return { store: this.store, policy: this.policy, user, now: this.clock(), maxEntities: this.maxEntities, pageCache: this.pageCache };
  }
}
