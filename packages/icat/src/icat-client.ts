// IcatClient: python-icat's Client over ICAT's REST API, typed end to end. A facade: each method
// is one call into the concept that holds the logic, usable directly with a context:
// - construction, the credential, the IDS client and the session's life: the IcatConnection it
//   holds (session/icat-connection.ts);
// - server and session calls, search and get, writes (both argument forms): operations/,
//   paginate.ts;
// - the IDS data calls on ICAT objects: ids-conveniences.ts, icat-data-calls.ts.
import { InvalidArgumentError, type Credential, type PagedIterable } from "@catkit/core";
import type { DownloadOptions, DownloadResult, GetDataOptions, IdsClient, IdsData, PrepareDataOptions, PutSource, RestoreWaitOptions, SelectionInput } from "@catkit/ids";
import type { CheckGetOptions } from "./client-types.js";
import type { EntityRef, EntityUpdate } from "./entities/entity-input.js";
import { tagEntity } from "./entities/entity-tag.js";
import type { IcatClientOptions } from "./icat-client-options.js";
import { downloadNamed, putAndRead } from "./icat-data-calls.js";
import { toDataTarget, type IcatDataTarget, type NewDatafile, type PutDataOptions } from "./ids-conveniences.js";
import type { AnyEntity, Datafile, EntityMap, EntityName } from "./model/index.js";
import { createMany, createOne, deleteMany, deleteOne, updateOne } from "./operations/entity-args.js";
import { get, type GetOptions } from "./operations/get.js";
import type { CallOptions } from "./operations/icat-context.js";
import { properties, version, type IcatProperties } from "./operations/server-info.js";
import { isLoggedIn, type LoginCredentials, type SessionInfo } from "./operations/session-calls.js";
import { assertedSearch, search, type AssertOptions, type ExactlyOne } from "./operations/search.js";
import { searchInSlices, type SliceOptions } from "./operations/search-in-slices.js";
import { searchMatching, type MatchOptions } from "./operations/search-matching.js";
import { paginate, searchChunked, type PaginateOptions, type SearchChunkedOptions } from "./paginate.js";
import type { Query } from "./query/index.js";
import { IcatConnection } from "./session/icat-connection.js";

/**
 * A client of ICAT's REST API (icat.server 4.x–6.x; entity model of 6.2), with python-icat's
 * calls and helpers, typed results, paging, and IDS data calls when an IDS is configured.
 *
 * @example
 * ```ts
 * const icat = new IcatClient({ url: "https://icat.example.org/icat", idsUrl: "https://icat.example.org/ids" });
 * await icat.login("db", { username: "nbour", password: "secret" });
 * const [inv] = await icat.assertedSearch(new Query("Investigation", { conditions: { name: eq("12100409-ST") } }));
 * console.log(inv.title);
 * ```
 */
export class IcatClient {
  readonly #connection: IcatConnection;

  constructor(options: IcatClientOptions) {
    this.#connection = new IcatConnection(options);
  }

  /** The ICAT base URL (with a trailing slash). */
  get url(): string {
    return this.#connection.context.core.baseUrl.href;
  }

  /** The credential requests are signed with: hand it to other clients to share the session. */
  get credential(): Credential {
    return this.#connection.credential;
  }

  /** The IDS client (python-icat `client.ids`). Throws when no IDS is configured. */
  get ids(): IdsClient {
    const ids = this.#connection.ids;
    if (ids === undefined) throw new InvalidArgumentError("No IDS is configured: create the IcatClient with idsUrl (or ids).", { argument: "idsUrl" });
    return ids;
  }

  /** True when an IDS is configured. */
  get hasIds(): boolean {
    return this.#connection.ids !== undefined;
  }

  /** Closes idle connections (only when the client created its transport). */
  close(): Promise<void> {
    return this.#connection.close();
  }

  // ---- session and server ------------------------------------------------------------------

  /** Logs in with an authenticator (`plugin`, e.g. "db") and returns the session id; the session then refreshes itself and is renewed once if ICAT rejects it. */
  login(plugin: string, credentials: LoginCredentials, options: CallOptions = {}): Promise<string> {
    return this.#connection.login(plugin, credentials, options);
  }

  /** Ends the session on the server and forgets it. */
  logout(options: CallOptions = {}): Promise<void> {
    return this.#connection.logout(options);
  }

  /** Extends the session to the full lifetime now (`PUT session/{id}`). */
  refresh(options: CallOptions = {}): Promise<void> {
    return this.#connection.refresh(options);
  }

  /** The session's user name and remaining minutes (`GET session/{id}`). */
  sessionInfo(options: CallOptions = {}): Promise<SessionInfo> {
    return this.#connection.sessionInfo(options);
  }

  /** The session's user, e.g. "db/nbour" (python-icat getUserName). */
  async getUserName(options: CallOptions = {}): Promise<string> {
    return (await this.sessionInfo(options)).userName;
  }

  /** Minutes until the session expires (python-icat getRemainingMinutes). */
  async getRemainingMinutes(options: CallOptions = {}): Promise<number> {
    return (await this.sessionInfo(options)).remainingMinutes;
  }

  /** Whether a user has a session (`GET user/{name}`). */
  isLoggedIn(userName: string, options?: CallOptions): Promise<boolean> {
    return isLoggedIn(this.#connection.context, userName, options);
  }

  /** The server version (python-icat getVersion). */
  version(options?: CallOptions): Promise<string> {
    return version(this.#connection.context, options);
  }

  /** maxEntities, lifetimeMinutes and the authenticators (python-icat getProperties, getAuthenticatorInfo). */
  properties(options?: CallOptions): Promise<IcatProperties> {
    return properties(this.#connection.context, options);
  }

  // ---- search and get -------------------------------------------------------------------------

  /** A new, not yet created object of `type` (python-icat client.new): it knows its type. */
  new<E extends EntityName>(type: E, fields: EntityMap[E] = {}): EntityMap[E] {
    return tagEntity(type, fields);
  }

  /** Searches with a Query (rows typed by it) or a query string, JPQL-style or concise. */
  search<E extends EntityName, R>(query: Query<E, R>, options?: CallOptions): Promise<R[]>;
  search(query: string, options?: CallOptions): Promise<unknown[]>;
  search(query: Query<EntityName, unknown> | string, options?: CallOptions): Promise<unknown[]> {
    return search(this.#connection.context, query, options);
  }

  /**
   * Searches a long list of values in slices (ICAT takes a query in the URL, so one IN list of
   * 100,000 ids is refused with 431/414): `build` makes the query for one slice, results come in
   * slice order.
   */
  searchInSlices<V, E extends EntityName, R>(values: readonly V[], build: (slice: readonly V[]) => Query<E, R>, options?: SliceOptions): Promise<R[]> {
    return searchInSlices(values, build, (query, call) => this.search(query, call), options);
  }

  /** Searches and checks the number of results: exactly one (typed as a one-element tuple) unless `min`/`max` say otherwise. */
  assertedSearch<E extends EntityName, R>(query: Query<E, R>, options?: ExactlyOne): Promise<[R]>;
  assertedSearch<E extends EntityName, R>(query: Query<E, R>, options: AssertOptions): Promise<R[]>;
  assertedSearch(query: string, options?: ExactlyOne): Promise<[unknown]>;
  assertedSearch(query: string, options: AssertOptions): Promise<unknown[]>;
  assertedSearch(query: Query<EntityName, unknown> | string, options?: AssertOptions): Promise<unknown[]> {
    return assertedSearch(this.#connection.context, query, options);
  }

  /** The object whose unique key matches `entity`'s (python-icat searchMatching). */
  async searchMatching<E extends EntityName>(type: E, entity: EntityMap[E], options?: MatchOptions): Promise<EntityMap[E]> {
    return (await searchMatching(this.#connection.context, type, entity as Readonly<Record<string, unknown>>, options)) as EntityMap[E];
  }

  /** One object by id, with relations to include (`"1"` or paths); or `get("Dataset INCLUDE 1", id)`. */
  get<E extends EntityName, const O extends GetOptions = Record<never, never>>(entity: E, id: number, options?: CheckGetOptions<E, O>): Promise<EntityMap[E]>;
  get(query: string, id: number, options?: CallOptions): Promise<AnyEntity>;
  get(entity: string, id: number, options?: GetOptions): Promise<AnyEntity> {
    return get(this.#connection.context, entity, id, options);
  }

  /** Pages through a search (ORDER BY id added when missing, pages capped at maxEntities). */
  paginate<E extends EntityName, R>(query: Query<E, R>, options?: PaginateOptions): PagedIterable<R>;
  paginate(query: string, options?: PaginateOptions): PagedIterable<unknown>;
  paginate(query: Query<EntityName, unknown> | string, options?: PaginateOptions): PagedIterable<unknown> {
    return paginate(this.#connection.context, query, options);
  }

  /** python-icat searchChunked: `skip`, `count`, `chunkSize` (≥ 2); the query's order is kept. */
  searchChunked<E extends EntityName, R>(query: Query<E, R>, options?: SearchChunkedOptions): PagedIterable<R>;
  searchChunked(query: string, options?: SearchChunkedOptions): PagedIterable<unknown>;
  searchChunked(query: Query<EntityName, unknown> | string, options?: SearchChunkedOptions): PagedIterable<unknown> {
    return searchChunked(this.#connection.context, query, options);
  }

  // ---- create, update, delete ----------------------------------------------------------------

  /** Creates one object (with new one-to-many children) and returns its id. */
  create<E extends EntityName>(type: E, entity: EntityMap[E], options?: CallOptions): Promise<number>;
  create(entity: AnyEntity, options?: CallOptions): Promise<number>;
  create(first: string | AnyEntity, second?: unknown, third?: CallOptions): Promise<number> {
    return createOne(this.#connection.context, first, second, third);
  }

  /** Creates objects in one transaction and returns their ids, in order. */
  createMany<E extends EntityName>(type: E, entities: readonly EntityMap[E][], options?: CallOptions): Promise<number[]>;
  createMany(entities: readonly AnyEntity[], options?: CallOptions): Promise<number[]>;
  createMany(first: string | readonly AnyEntity[], second?: unknown, third?: CallOptions): Promise<number[]> {
    return createMany(this.#connection.context, first, second, third);
  }

  /** Updates an object's attributes and many-to-one relations (`null` clears a field). */
  update<E extends EntityName>(type: E, entity: EntityUpdate<E>, options?: CallOptions): Promise<void>;
  update(entity: AnyEntity, options?: CallOptions): Promise<void>;
  update(first: string | AnyEntity, second?: unknown, third?: CallOptions): Promise<void> {
    return updateOne(this.#connection.context, first, second, third);
  }

  /** Deletes an object and, in cascade, what depends on it. */
  delete<E extends EntityName>(type: E, idOrEntity: number | { readonly id?: number | undefined }, options?: CallOptions): Promise<void>;
  delete(entity: AnyEntity | EntityRef, options?: CallOptions): Promise<void>;
  delete(first: string | AnyEntity | EntityRef, second?: unknown, third?: CallOptions): Promise<void> {
    return deleteOne(this.#connection.context, first, second, third);
  }

  /** Deletes objects in one transaction. */
  deleteMany<E extends EntityName>(type: E, idsOrEntities: readonly (number | { readonly id?: number | undefined })[], options?: CallOptions): Promise<void>;
  deleteMany(entities: readonly (AnyEntity | EntityRef)[], options?: CallOptions): Promise<void>;
  deleteMany(first: string | readonly (AnyEntity | EntityRef)[], second?: unknown, third?: CallOptions): Promise<void> {
    return deleteMany(this.#connection.context, first, second, third);
  }

  // ---- IDS -----------------------------------------------------------------------------------

  /**
   * Uploads a file through IDS and returns the Datafile IDS created, read back from ICAT. If the
   * connection breaks after the bytes were sent, ICAT is asked whether IDS created the Datafile
   * (dataset + name): a match in size and CRC32 is the result, a mismatch an
   * IdsPutOutcomeUnknownError, none the original error (a retry is then safe).
   */
  putData(source: PutSource, datafile: NewDatafile, options?: PutDataOptions): Promise<Datafile> {
    return putAndRead(this, source, datafile, options);
  }

  /** The data as a stream: one file, or a zip (python-icat getData). */
  getData(objects: IcatDataTarget, options?: GetDataOptions): Promise<IdsData> {
    return this.ids.getData(toDataTarget(objects), options);
  }

  /** A getData URL (it carries the session id: keep it secret). */
  getDataUrl(objects: IcatDataTarget, options?: Parameters<IdsClient["getDataUrl"]>[1]): Promise<string> {
    return this.ids.getDataUrl(toDataTarget(objects), options);
  }

  /** Downloads to a file, with resume, size and CRC32 checks; one Datafile into a directory gets its name from ICAT. */
  download(objects: IcatDataTarget, destination: string, options?: DownloadOptions): Promise<DownloadResult> {
    return downloadNamed(this.ids, objects, destination, options);
  }

  /** Asks IDS to prepare the data; returns the preparedId for getData. */
  prepareData(objects: Exclude<IcatDataTarget, string>, options?: PrepareDataOptions): Promise<string> {
    return this.ids.prepareData(toDataTarget(objects) as SelectionInput, options);
  }

  /** True once prepared data is online. */
  isDataPrepared(preparedId: string, options?: CallOptions): Promise<boolean> {
    return this.ids.isPrepared(preparedId, options);
  }

  /** Restores archived data and waits until it is ONLINE (python-icat restoreData). */
  restoreData(objects: IcatDataTarget, options?: RestoreWaitOptions): Promise<void> {
    return this.ids.restoreAndWait(toDataTarget(objects), options);
  }

  /** Deletes the data from IDS storage and its Datafiles from ICAT. */
  deleteData(objects: Exclude<IcatDataTarget, string>, options?: CallOptions): Promise<void> {
    return this.ids.delete(toDataTarget(objects) as SelectionInput, options);
  }
}
