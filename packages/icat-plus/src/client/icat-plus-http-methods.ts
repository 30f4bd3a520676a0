// IcatPlusClient's ICAT+ calls: e-logbook posts (through the outbox), investigation and dataset
// look-ups, and the restricted (session) API. pyicat-plus names in each TSDoc.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import { elogbookBinaryMessage, elogbookMessage, type ElogbookMessageOptions, type ElogbookPayload } from "../elogbook/elogbook-message.js";
import type { ElogbookTarget } from "../elogbook/elogbook-client.js";
import { mimetypeOf } from "../elogbook/mimetype.js";
import type { LookupOptions } from "../investigation/investigation-client.js";
import { investigationInfoText, investigationSummaryRows, type InvestigationInfo, type RegisteredDataset } from "../investigation/investigation-info.js";
import { pythonJsonDumps, type PythonJson } from "../messaging/python-json.js";
import type { Delivery } from "../outbox/delivery.js";
import { ELOGBOOK_LANE } from "./icat-plus-client-base.js";
import { IcatPlusRestrictedMethods } from "./icat-plus-restricted-methods.js";

/**
 * Where and how an e-logbook message is posted.
 *
 * @example
 * ```ts
 * const o: ElogbookOptions = { beamline: "id00", proposal: "hg123", messageType: "info", payload: { tags: ["align"] } };
 * ```
 */
export interface ElogbookOptions extends ElogbookMessageOptions {
  beamline?: string | undefined;
  proposal?: string | undefined;
  investigationId?: string | number | undefined;
  /** Post to the beamline e-logbook (drops proposal and dataset). */
  beamlineOnly?: boolean | undefined;
  /** Extra fields (tags, source, type…), merged over the client's elogbookMetadata. */
  payload?: ElogbookPayload | undefined;
  /** Largest file sendTextFile/sendBinaryFile read (default 10 MiB; the whole file is base64'd into one JSON body). */
  maxFileBytes?: number | undefined;
}

/**
 * The e-logbook and look-up methods of {@link IcatPlusClient}.
 *
 * @example
 * ```ts
 * const methods: IcatPlusHttpMethods = new IcatPlusClient({ elogbookUrl: "https://icatplus.esrf.fr" });
 * ```
 */
export class IcatPlusHttpMethods extends IcatPlusRestrictedMethods {
  #post(message: Record<string, unknown>, endpoint: ElogbookTarget["endpoint"], o: ElogbookOptions): Promise<Delivery> {
    const beamline = o.beamline ?? this.currentBeamline;
    const proposal = o.beamlineOnly ? undefined : (o.proposal ?? this.currentProposal);
    const target: ElogbookTarget = { endpoint, beamline, proposal, investigationId: o.investigationId };
    this.elogbookClient();
    return this.elogbookDispatcher.deliver(ELOGBOOK_LANE, pythonJsonDumps(message as PythonJson), "json", JSON.stringify(target));
  }

  async #readCapped(filename: string, o: ElogbookOptions): Promise<Buffer> {
    const cap = o.maxFileBytes ?? 10 * 1024 * 1024;
    const { size } = await stat(filename);
    if (size > cap) throw new InvalidMetadataError(`${basename(filename)} is ${size} bytes; the e-logbook cap is ${cap} (maxFileBytes)`, { argument: "filename" });
    return readFile(filename);
  }

  /**
   * send_message: posts a text message; kept in the outbox on network errors and 5xx.
   *
   * @example
   * ```ts
   * await client.sendMessage("Beam is back", { messageType: "info", beamline: "id00", proposal: "hg123" });
   * ```
   */
  async sendMessage(msg: string, o: ElogbookOptions = {}): Promise<Delivery> {
    const dataset = o.beamlineOnly ? undefined : o.dataset;
    return this.#post(elogbookMessage(msg, { ...o, dataset }, o.payload ?? {}, this.elogbookDefaults()), "notification", o);
  }

  /**
   * send_binary_data: posts bytes (an image) as base64.
   *
   * @example
   * ```ts
   * await client.sendBinaryData(png, "image/png", { beamline: "id00", proposal: "hg123" });
   * ```
   */
  async sendBinaryData(data: Uint8Array, mimetype = "application/octet-stream", o: ElogbookOptions = {}): Promise<Delivery> {
    return this.#post(elogbookBinaryMessage(data, mimetype, o.payload ?? {}, this.elogbookDefaults()), "base64", o);
  }

  /**
   * send_text_file: posts a text file's content as a message.
   *
   * @example
   * ```ts
   * await client.sendTextFile("/tmp/notes.txt", { beamline: "id00", proposal: "hg123" });
   * ```
   */
  async sendTextFile(filename: string, o: ElogbookOptions = {}): Promise<Delivery> {
    return this.sendMessage((await this.#readCapped(filename, o)).toString("utf8"), o);
  }

  /**
   * send_binary_file: posts a file as base64, mimetype from its name.
   *
   * @example
   * ```ts
   * await client.sendBinaryFile("/tmp/scan.png", { beamline: "id00", proposal: "hg123" });
   * ```
   */
  async sendBinaryFile(filename: string, o: ElogbookOptions = {}): Promise<Delivery> {
    return this.sendBinaryData(await this.#readCapped(filename, o), mimetypeOf(filename), o);
  }

  /**
   * investigation_info: undefined = not available now, null = no investigation ({} upstream).
   *
   * @example
   * ```ts
   * const info = await client.investigationInfo("id00", "hg123", { date: "2024-03-01" });
   * ```
   */
  async investigationInfo(beamline: string, proposal: string, o: LookupOptions = {}): Promise<InvestigationInfo | null | undefined> {
    return this.investigationClient().investigationInfo(beamline, proposal, o);
  }

  /**
   * investigation_info_string.
   *
   * @example
   * ```ts
   * console.log(await client.investigationInfoString("id00", "hg123"));
   * ```
   */
  async investigationInfoString(beamline: string, proposal: string, o: LookupOptions = {}): Promise<string> {
    return investigationInfoText(await this.investigationInfo(beamline, proposal, o), this.reasonForMissingInformation);
  }

  /**
   * investigation_summary: [["e-logbook", url], ["data portal", url]].
   *
   * @example
   * ```ts
   * const rows = await client.investigationSummary("id00", "hg123");
   * ```
   */
  async investigationSummary(beamline: string, proposal: string, o: LookupOptions = {}): Promise<[string, string][]> {
    return investigationSummaryRows(await this.investigationInfo(beamline, proposal, o), this.reasonForMissingInformation);
  }

  /**
   * registered_datasets.
   *
   * @example
   * ```ts
   * const datasets = await client.registeredDatasets("id00", "hg123");
   * ```
   */
  async registeredDatasets(beamline: string, proposal: string, o: LookupOptions = {}): Promise<RegisteredDataset[] | undefined> {
    return this.investigationClient().registeredDatasets(beamline, proposal, o);
  }

  /**
   * registered_dataset_ids: name and path of each registered dataset.
   *
   * @example
   * ```ts
   * const ids = await client.registeredDatasetIds("id00", "hg123");
   * ```
   */
  async registeredDatasetIds(beamline: string, proposal: string, o: LookupOptions = {}): Promise<{ name: string; path: string }[] | undefined> {
    return (await this.registeredDatasets(beamline, proposal, o))?.map((d) => d.datasetId);
  }

  /**
   * reason_for_missing_information (always "ICAT communication timeout" for a real client).
   *
   * @example
   * ```ts
   * client.reasonForMissingInformation; // "ICAT communication timeout"
   * ```
   */
  get reasonForMissingInformation(): string {
    return "ICAT communication timeout";
  }

  /**
   * expire_datasets_on_close (false: ICAT keeps the datasets).
   *
   * @deprecated as in pyicat-plus.
   * @example
   * ```ts
   * client.expireDatasetsOnClose; // false
   * ```
   */
  get expireDatasetsOnClose(): boolean {
    return false;
  }
}
