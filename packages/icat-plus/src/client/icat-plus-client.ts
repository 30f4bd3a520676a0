// IcatPlusClient: everything pyicat-plus's IcatClient does. This file holds the message
// methods (STOMP queues, client/metadata.py and friends); the ICAT+ calls are in
// icat-plus-http-methods.ts, the wiring in icat-plus-client-base.ts.
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import { addFilesJson, archiveStatusJson, updateMetadataJson, type ArchiveStatusLevel, type ArchiveStatusType } from "../messaging/queue-bodies.js";
import { readXmlFile, writeXmlFile } from "../messaging/xml-file.js";
import type { Delivery } from "../outbox/delivery.js";
import { datasetXml, type DatasetFields } from "../xml/dataset-xml.js";
import { investigationXml } from "../xml/investigation-xml.js";
import type { MetadataValue } from "../xml/metadata-value.js";
import { metadataEntries } from "../xml/metadata-value.js";
import { IcatPlusHttpMethods } from "./icat-plus-http-methods.js";

/**
 * A dataset to register; beamline and proposal default to the client's.
 *
 * @example
 * ```ts
 * const d: StoreDatasetFields = { dataset: "sample_0001", path: "/data/visitor/hg123/id00/20240301/RAW_DATA/sample/sample_0001", metadata: { Sample_name: "sample" } };
 * ```
 */
export type StoreDatasetFields = Omit<DatasetFields, "beamline" | "proposal"> & { beamline?: string; proposal?: string };

/**
 * What storeDataset did: a delivery, or the file it wrote (with `storeFilename`).
 *
 * @example
 * ```ts
 * const r = await client.storeDataset(fields, { storeFilename: "/data/__icat__/s_0001" });
 * if (r.outcome === "written") console.log(r.file);
 * ```
 */
export type StoreResult = Delivery | { outcome: "written"; file: string };

/**
 * pyicat-plus's IcatClient for Node: dataset, investigation and update messages over ActiveMQ
 * (every send confirmed by a broker RECEIPT, kept in a durable outbox otherwise), the e-logbook
 * and the ICAT+ look-ups.
 *
 * @example
 * ```ts
 * const client = new IcatPlusClient({ metadataUrls: ["bcu-mq-01.esrf.fr:61613", "bcu-mq-02.esrf.fr:61613"], beamline: "id00", proposal: "hg123" });
 * await client.storeDataset({ dataset: "sample_0001", path: "/data/visitor/hg123/id00/20240301/RAW_DATA/sample/sample_0001", metadata: { Sample_name: "sample" } });
 * await client.close();
 * ```
 */
export class IcatPlusClient extends IcatPlusHttpMethods {
  #fields(f: StoreDatasetFields): DatasetFields {
    return { ...f, beamline: f.beamline ?? this.currentBeamline ?? "", proposal: f.proposal ?? this.currentProposal ?? "" };
  }

  /**
   * store_dataset: sends the dataset XML to icatIngest, or writes it to `storeFilename`
   * (".xml" added when missing) instead — what Bliss keeps in RAW_DATA/__icat__.
   *
   * @throws {InvalidMetadataError} for bad fields (nothing sent); NotConfiguredError without brokers.
   * @example
   * ```ts
   * await client.storeDataset({ dataset: "s_0001", path: "/data/s_0001", metadata: { Sample_name: "s", InstrumentBeam_incident_energy: 7.1 } });
   * ```
   */
  async storeDataset(fields: StoreDatasetFields, options: { storeFilename?: string } = {}): Promise<StoreResult> {
    const xml = datasetXml(this.#fields(fields), this.messageDefaults());
    if (options.storeFilename) return { outcome: "written", file: await writeXmlFile(options.storeFilename, xml) };
    return this.dispatcher.deliver(this.lanes.route("metadata").queue, xml, "xml");
  }

  /**
   * store_processed_data: a dataset whose `input_datasets` are the raw dataset directories
   * (`raw`, or metadata.input_datasets); one of them is required. The caller's metadata is not
   * modified (pyicat-plus mutates it).
   *
   * @throws {InvalidMetadataError} "Provide 'raw' dataset directories" when there are none.
   * @example
   * ```ts
   * await client.storeProcessedData({ dataset: "proc", path: "/data/PROCESSED_DATA/s/proc", metadata: { Sample_name: "s" }, raw: ["/data/RAW_DATA/s/s_0001"] });
   * ```
   */
  async storeProcessedData(fields: StoreDatasetFields & { raw?: string | readonly string[] }, options: { storeFilename?: string } = {}): Promise<StoreResult> {
    const { raw, ...rest } = fields;
    const metadata = new Map<string, MetadataValue>(metadataEntries(rest.metadata));
    if (raw !== undefined && raw.length > 0) metadata.set("input_datasets", typeof raw === "string" ? [raw] : [...raw]);
    const inputs = metadata.get("input_datasets");
    if (inputs === undefined || inputs === null || inputs === "" || (Array.isArray(inputs) && inputs.length === 0)) {
      throw new InvalidMetadataError("Provide 'raw' dataset directories", { argument: "raw" });
    }
    return this.storeDataset({ ...rest, metadata }, options);
  }

  /**
   * store_dataset_from_file: re-sends a saved XML file unchanged (".xml" added when missing).
   *
   * @example
   * ```ts
   * await client.storeDatasetFromFile("/data/visitor/hg123/id00/20240301/RAW_DATA/__icat__/sample_0001.xml");
   * ```
   */
  async storeDatasetFromFile(storeFilename: string): Promise<Delivery> {
    const xml = await readXmlFile(storeFilename);
    return this.dispatcher.deliver(this.lanes.route("metadata").queue, xml, "xml");
  }

  /**
   * start_investigation: asks the ingester to sync (or create) the investigation. Sets the
   * client's current beamline/proposal when given, as upstream.
   *
   * @example
   * ```ts
   * await client.startInvestigation({ beamline: "id00", proposal: "hg123", startDate: new Date() });
   * ```
   */
  async startInvestigation(f: { beamline?: string; proposal?: string; startDate?: Date | string; endDate?: Date | string } = {}): Promise<Delivery> {
    if (f.proposal !== undefined) this.currentProposal = f.proposal;
    if (f.beamline !== undefined) this.currentBeamline = f.beamline;
    const xml = investigationXml({ beamline: this.currentBeamline ?? "", proposal: this.currentProposal ?? "", startDate: f.startDate, endDate: f.endDate }, this.now);
    return this.dispatcher.deliver(this.lanes.route("metadata").queue, xml, "xml");
  }

  /**
   * reschedule_investigation: the investigation XML with empty experiment/instrument and the id.
   *
   * @example
   * ```ts
   * await client.rescheduleInvestigation("1234567");
   * ```
   */
  async rescheduleInvestigation(investigationId: string | number): Promise<Delivery> {
    if (investigationId === "" || investigationId === undefined) throw new InvalidMetadataError("investigationId is required", { argument: "investigationId" });
    const xml = investigationXml({ beamline: "", proposal: "", investigationId }, this.now);
    return this.dispatcher.deliver(this.lanes.route("reschedule").queue, xml, "xml");
  }

  /**
   * update_metadata: sets one metadata field of datasets (by location).
   *
   * @example
   * ```ts
   * await client.updateMetadata({ datasetPaths: ["/data/s_0001"], metadataName: "Sample_name", metadataValue: "renamed" });
   * ```
   */
  async updateMetadata(f: { proposal?: string; beamline?: string; datasetPaths: readonly string[] | string; metadataName: string; metadataValue: string }): Promise<Delivery> {
    const body = updateMetadataJson({ ...f, proposal: f.proposal ?? this.currentProposal ?? "", beamline: f.beamline ?? this.currentBeamline ?? "" });
    return this.dispatcher.deliver(this.lanes.route("updateMetadata").queue, body, "json");
  }

  /**
   * add_files: asks the ingester to register the files now on disk in a dataset.
   *
   * @example
   * ```ts
   * await client.addFiles(123456);
   * ```
   */
  async addFiles(datasetId: number | bigint): Promise<Delivery> {
    return this.dispatcher.deliver(this.lanes.route("addFiles").queue, addFilesJson(datasetId), "json");
  }

  /**
   * update_archive_restore_status.
   *
   * @deprecated pyicat-plus deprecates it; kept for parity.
   * @example
   * ```ts
   * await client.updateArchiveRestoreStatus({ datasetId: 1, type: "archiving", level: "info", message: "done" });
   * ```
   */
  async updateArchiveRestoreStatus(f: { datasetId: number; type: ArchiveStatusType; level?: ArchiveStatusLevel; message?: string }): Promise<Delivery> {
     
    const body = archiveStatusJson(f.datasetId, f.type, f.level, f.message);
    return this.dispatcher.deliver(this.lanes.route("archive").queue, body, "json");
  }

  /**
   * check_health: connected, and the broker reports at least one consumer on the queue
   * (Jolokia ConsumerCount). Resolves to the count.
   *
   * @throws {BrokerError} with code ICATPLUS_NO_CONSUMER when nobody consumes the queue.
   * @example
   * ```ts
   * await client.checkHealth(); // 1
   * ```
   */
  async checkHealth(queue: "metadata" | "updateMetadata" | "addFiles" | "reschedule" | "archive" = "metadata"): Promise<number> {
    return this.lanes.checkHealth(queue);
  }
}
