// The high-level client (scitacean Client): datasets with their files, samples and proposals,
// uploads in scitacean's order, verified downloads. It wraps the low-level ScicatApi and an
// optional FileTransfer.
import { InvalidArgumentError, redactingLogger, silentLogger, type CoreClientOptions, type Logger, type PagedIterable } from "@catkit/core";
import { ScicatApi } from "../api/scicat-api.js";
import type { V4Where } from "../filters/v4-filter.js";
import { attachmentFromWire } from "../models/attachment.js";
import { construct } from "../models/construct.js";
import type { Dataset } from "../models/dataset.js";
import { proposalFromWire, sampleFromWire, sampleToWire, type Proposal, type Sample } from "../models/sample.js";
import { AttachmentSchema, ProposalSchema, SampleSchema } from "../models/wire-schemas.js";
import { PID } from "../pid.js";
import type { FileTransfer } from "../transfer/file-transfer.js";
import { loginCredential, tokenCredential, type LoginStrategy } from "./credentials.js";
import { downloadFiles, type DownloadFilesOptions } from "./download-files.js";
import { datasetFromJson, fetchDatasetJson, getDataset, type GetDatasetOptions } from "./get-dataset.js";
import { countDatasets, searchDatasets, type SearchOptions } from "./search-datasets.js";
import { uploadNewDataset, type UploadOptions } from "./upload-dataset.js";

/**
 * Options shared by the constructors: core's client options without url/credential, plus the transfer.
 *
 * @example
 * ```ts
 * const options: ScicatClientOptions = { url: "https://scicat.example.org/api/v3", fileTransfer: new CopyFileTransfer() };
 * ```
 */
export interface ScicatClientOptions extends Omit<CoreClientOptions, "url" | "credential"> {
  /** The SciCat URL, with or without /api, /api/v3 or /api/v4. */
  url: string | URL;
  fileTransfer?: FileTransfer;
}

/**
 * A SciCat client with scitacean's Client surface.
 *
 * @example
 * ```ts
 * const client = await ScicatClient.fromCredentials({ url: "https://scicat.example.org", username: "ingestor", password: "…" });
 * const dataset = await client.getDataset("20.500.12269/4f8c…");
 * ```
 */
export class ScicatClient {
  /** The low-level client (one method per endpoint). */
  readonly scicat: ScicatApi;
  readonly fileTransfer: FileTransfer | undefined;
  readonly #logger: Logger;

  private constructor(api: ScicatApi, options: ScicatClientOptions) {
    this.scicat = api;
    this.fileTransfer = options.fileTransfer;
    this.#logger = redactingLogger(options.logger ?? silentLogger);
  }

  /** A client authenticated with a token (its JWT expiry is checked before use). */
  static fromToken(options: ScicatClientOptions & { token: string }): ScicatClient {
    const { token, fileTransfer: _t, ...rest } = options;
    return new ScicatClient(new ScicatApi({ ...rest, credential: tokenCredential(token) }), options);
  }

  /**
   * Logs in with username and password (now, so bad credentials fail here); re-logs in once on
   * SESSION_EXPIRED. `login` picks the route: "auto" (default) tries auth/login (functional
   * accounts), then auth/msad (LDAP users), as scitacean does; or name one of "local", "ldap",
   * "msad", "msad-root".
   */
  static async fromCredentials(options: ScicatClientOptions & { username: string; password: string; login?: LoginStrategy }): Promise<ScicatClient> {
    const { username, password, login, fileTransfer: _t, ...rest } = options;
    // the credential logs in through the api it signs for; it is first called below, once api exists
    const credential = loginCredential(() => api, username, password, login);
    const api = new ScicatApi({ ...rest, credential });
    await credential.getToken();
    return new ScicatClient(api, options);
  }

  /** An anonymous client: public datasets only, no uploads. */
  static withoutLogin(options: ScicatClientOptions): ScicatClient {
    const { fileTransfer: _t, ...rest } = options;
    return new ScicatClient(new ScicatApi(rest), options);
  }

  /** A dataset with its files (and attachments when asked); see {@link GetDatasetOptions}. */
  getDataset(pid: string | PID, options: GetDatasetOptions = {}): Promise<Dataset> {
    return getDataset(this.scicat, this.#logger, pid, options);
  }

  /** A sample (GET /api/v3/samples/{id}). */
  async getSample(id: string, options: { strictValidation?: boolean; signal?: AbortSignal } = {}): Promise<Sample> {
    const json = await this.scicat.samples.get(id, options.signal ? { signal: options.signal } : {});
    return sampleFromWire(construct(SampleSchema, json, { strict: options.strictValidation === true, logger: this.#logger, what: `sample ${id}` }));
  }

  /** A proposal (GET /api/v3/proposals/{id}). */
  async getProposal(id: string, options: { strictValidation?: boolean; signal?: AbortSignal } = {}): Promise<Proposal> {
    const json = await this.scicat.proposals.get(id, options.signal ? { signal: options.signal } : {});
    return proposalFromWire(construct(ProposalSchema, json, { strict: options.strictValidation === true, logger: this.#logger, what: `proposal ${id}` }));
  }

  /**
   * Uploads a new dataset now: files, dataset, orig datablocks, attachments (scitacean's order).
   * Returns the dataset as SciCat has it afterwards (size and file count included).
   */
  async uploadNewDatasetNow(dataset: Dataset, options: UploadOptions = {}): Promise<Dataset> {
    const { created, blocks, attachments } = await uploadNewDataset(this.scicat, this.fileTransfer, dataset, options);
    let json: Record<string, unknown>;
    try {
      // read back: the server has added the blocks' sizes and file counts by now
      json = await fetchDatasetJson(this.scicat, PID.parse(String(created.pid)), ["origdatablocks", "attachments"], options.signal);
    } catch (err) {
      // everything was uploaded; do not turn a failed read-back into an upload failure
      this.#logger.warn({ err }, `dataset ${String(created.pid)} was uploaded but could not be read back; returning the creation answers`);
      json = { ...created, origdatablocks: blocks, attachments };
    }
    return datasetFromJson(json, { strict: false, logger: this.#logger, attachments: true });
  }

  /** Uploads a new sample; the server assigns its id (scitacean clears it). */
  async uploadNewSampleNow(sample: Sample, options: { signal?: AbortSignal } = {}): Promise<Sample> {
    const json = await this.scicat.samples.create(sampleToWire(sample), options.signal ? { signal: options.signal } : {});
    return sampleFromWire(json);
  }

  /** Downloads files of a dataset through the file transfer, verified; see {@link DownloadFilesOptions}. */
  downloadFiles(dataset: Dataset, options: DownloadFilesOptions): Promise<Dataset> {
    return downloadFiles(this.fileTransfer, this.#logger, dataset, options);
  }

  /** A copy of `dataset` with its attachments downloaded (replacing any it had). */
  async downloadAttachmentsFor(dataset: Dataset, options: { signal?: AbortSignal } = {}): Promise<Dataset> {
    const pid = dataset.pid;
    if (!pid) throw new InvalidArgumentError("downloadAttachmentsFor needs a dataset that exists in SciCat (it has no pid)", { argument: "dataset" });
    if (dataset.attachments !== undefined && dataset.attachments.length > 0) this.#logger.warn(`replacing the ${dataset.attachments.length} attachments of ${pid.toString()}`);
    const json = await fetchDatasetJson(this.scicat, pid, ["attachments"], options.signal);
    const attachments = ((json.attachments as unknown[] | undefined) ?? []).map((a) => attachmentFromWire(construct(AttachmentSchema, a, { strict: false, logger: this.#logger, what: `attachment of ${pid.toString()}` })));
    return dataset.with({ attachments });
  }

  /** Pages through matching datasets (v4 filter; explicit limits on every request). */
  searchDatasets(where: V4Where = {}, options: SearchOptions = {}): PagedIterable<Record<string, unknown>> {
    return searchDatasets(this.scicat, where, options);
  }

  /** Counts matching datasets. */
  countDatasets(where: V4Where = {}, options: { signal?: AbortSignal } = {}): Promise<number> {
    return countDatasets(this.scicat, where, options.signal);
  }

  /** Closes the connection pool. */
  close(): Promise<void> {
    return this.scicat.close();
  }
}
