// The session-authenticated part of ICAT+ (pyicat-plus client/icatplus_restricted.py): POST
// session to log in, then catalogue/{sessionId}/…, tracking/{sessionId}/…,
// samplemetadata/{sessionId}/… with form-encoded query parameters. The session id is a secret.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { InvalidArgumentError, readJson, registerSecret, type ClientContext, type Params } from "@catkit/core";
import { readBytes } from "@catkit/core/internal";
import { NotConfiguredError } from "../errors/icat-plus-errors.js";
import { pythonJsonDumps } from "../messaging/python-json.js";

/** "YYYY-MM-DD" of a Date in local time (Python date.strftime("%Y-%m-%d")), or the string as given. */
function day(d: Date | string | undefined): string | undefined {
  if (d === undefined || typeof d === "string") return d;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * Calls of the restricted ICAT+ API.
 *
 * @example
 * ```ts
 * const restricted = new RestrictedClient(ctx);
 * await restricted.doLogIn("secret");
 * const investigations = await restricted.getInvestigationsBy({ instrumentName: "id00" });
 * ```
 */
export class RestrictedClient {
  #sessionId: string | undefined;
  private readonly ctx: ClientContext;
  constructor(ctx: ClientContext, sessionId?: string) {
    this.ctx = ctx;
    if (sessionId) this.sessionId = sessionId;
  }

  get sessionId(): string | undefined {
    return this.#sessionId;
  }
  set sessionId(value: string | undefined) {
    registerSecret(value);
    this.#sessionId = value;
  }

  #sid(): string {
    if (!this.#sessionId) throw new NotConfiguredError("Login is required.: call doLogIn (or pass icatSessionId) first");
    return encodeURIComponent(this.#sessionId);
  }

  async #json(path: string, query: Params, operation: string): Promise<unknown> {
    const res = await this.ctx.request({ method: "GET", path, query, session: "none", operation });
    return readJson(res);
  }

  async doLogIn(password: string, username?: string, plugin = "esrf"): Promise<Record<string, unknown>> {
    registerSecret(password);
    const body = pythonJsonDumps({ plugin, password, ...(username === undefined ? {} : { username }) });
    const res = await this.ctx.request({
      method: "POST", path: "session", body: { kind: "bytes", data: body, contentType: "application/json" }, session: "none", operation: "icatplus.login",
    });
    const info = (await readJson(res)) as Record<string, unknown>;
    if (typeof info.sessionId === "string") this.sessionId = info.sessionId;
    return info;
  }

  getSessionInformation(): Promise<unknown> {
    return this.#json(`session/${this.#sid()}`, {}, "icatplus.session");
  }

  getInvestigationsBy(q: { filter?: string; instrumentName?: string; startDate?: Date | string; endDate?: Date | string; ids?: string }): Promise<unknown> {
    return this.#json(`catalogue/${this.#sid()}/investigation`, {
      filter: q.filter, instrumentName: q.instrumentName, ids: q.ids, startDate: day(q.startDate), endDate: day(q.endDate),
    }, "icatplus.getInvestigationsBy");
  }

  getDatasetsBy(q: { investigationId?: string | number; datasetIds?: string }): Promise<unknown> {
    if (q.investigationId === undefined && q.datasetIds === undefined) {
      throw new InvalidArgumentError("getDatasetsBy needs investigationId or datasetIds", { argument: "investigationId" });
    }
    return this.#json(`catalogue/${this.#sid()}/dataset`, { investigationIds: q.investigationId, datasetIds: q.datasetIds }, "icatplus.getDatasetsBy");
  }

  getSamplesBy(q: { investigationId?: string | number; sampleIds?: string }): Promise<unknown> {
    if (q.investigationId === undefined && q.sampleIds === undefined) {
      throw new InvalidArgumentError("getSamplesBy needs investigationId or sampleIds", { argument: "investigationId" });
    }
    return this.#json(`catalogue/${this.#sid()}/samples`, { investigationId: q.investigationId, sampleIds: q.sampleIds }, "icatplus.getSamplesBy");
  }

  getParcelsBy(investigationId: string | number): Promise<unknown> {
    return this.#json(`tracking/${this.#sid()}/parcel`, { investigationId }, "icatplus.getParcelsBy");
  }

  getSampleMetadataBy(q: { proposal: string; beamline: string; sessionStartDate?: Date | string }): Promise<unknown> {
    return this.#json(`samplemetadata/${this.#sid()}/samples/acquisition`, {
      proposal: q.proposal, beamline: q.beamline, startDate: day(q.sessionStartDate),
    }, "icatplus.getSampleMetadataBy");
  }

  getSampleFilesInformationBy(sampleId: string | number): Promise<unknown> {
    return this.#json(`catalogue/${this.#sid()}/files`, { sampleId }, "icatplus.getSampleFilesInformationBy");
  }

  /** Streams the file to `destination` (temp + rename) and returns its size; or returns the bytes (at most `maxBytes`). */
  async downloadFileBy(sampleId: string | number, resourceId: string | number, destination?: string, maxBytes?: number): Promise<{ file?: string; bytes: number; data?: Buffer }> {
    const res = await this.ctx.request({
      method: "GET", path: `catalogue/${this.#sid()}/files/download`, query: { sampleId, resourceId }, session: "none", operation: "icatplus.downloadFileBy",
    });
    if (destination === undefined) {
      const data = await readBytes(res, maxBytes === undefined ? {} : { maxBytes });
      return { bytes: data.length, data };
    }
    const tmp = join(dirname(destination), `.${randomUUID()}.part`);
    let bytes = 0;
    res.body.on("data", (chunk: Buffer) => (bytes += chunk.length));
    try {
      await pipeline(res.body, createWriteStream(tmp, { flags: "wx" }));
      await rename(tmp, destination);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { file: destination, bytes };
  }
}
