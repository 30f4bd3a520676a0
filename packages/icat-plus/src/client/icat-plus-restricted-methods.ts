// IcatPlusClient's calls of the session-authenticated ICAT+ API (pyicat-plus
// client/icatplus_restricted.py), delegated to the RestrictedClient.
import type { RestrictedClient } from "../restricted/restricted-client.js";
import { IcatPlusClientBase } from "./icat-plus-client-base.js";

/**
 * The restricted-API methods of {@link IcatPlusClient}.
 *
 * @example
 * ```ts
 * const methods: IcatPlusRestrictedMethods = new IcatPlusClient({ icatplusRestrictedUrl: "https://icatplus.esrf.fr", icatplusPassword: "secret" });
 * ```
 */
export class IcatPlusRestrictedMethods extends IcatPlusClientBase {
  /**
   * do_log_in: POST session; the session id is kept for the restricted calls.
   *
   * @example
   * ```ts
   * const info = await client.doLogIn("secret", "reader");
   * ```
   */
  async doLogIn(password: string, username?: string, plugin = "esrf"): Promise<Record<string, unknown>> {
    return (await this.restrictedClient()).doLogIn(password, username, plugin);
  }

  /** get_session_information. @example `await client.getSessionInformation()` */
  async getSessionInformation(): Promise<unknown> {
    return (await this.restrictedClient()).getSessionInformation();
  }

  /** get_investigations_by. @example `await client.getInvestigationsBy({ instrumentName: "id00" })` */
  async getInvestigationsBy(q: Parameters<RestrictedClient["getInvestigationsBy"]>[0] = {}): Promise<unknown> {
    return (await this.restrictedClient()).getInvestigationsBy(q);
  }

  /** get_datasets_by. @example `await client.getDatasetsBy({ investigationId: 42 })` */
  async getDatasetsBy(q: { investigationId?: string | number; datasetIds?: string }): Promise<unknown> {
    return (await this.restrictedClient()).getDatasetsBy(q);
  }

  /** get_samples_by. @example `await client.getSamplesBy({ investigationId: 42 })` */
  async getSamplesBy(q: { investigationId?: string | number; sampleIds?: string }): Promise<unknown> {
    return (await this.restrictedClient()).getSamplesBy(q);
  }

  /** get_parcels_by. @example `await client.getParcelsBy(42)` */
  async getParcelsBy(investigationId: string | number): Promise<unknown> {
    return (await this.restrictedClient()).getParcelsBy(investigationId);
  }

  /** get_sample_metadata_by. @example `await client.getSampleMetadataBy({ proposal: "hg123", beamline: "id00" })` */
  async getSampleMetadataBy(q: { proposal: string; beamline: string; sessionStartDate?: Date | string }): Promise<unknown> {
    return (await this.restrictedClient()).getSampleMetadataBy(q);
  }

  /** get_sample_files_information_by. @example `await client.getSampleFilesInformationBy(7)` */
  async getSampleFilesInformationBy(sampleId: string | number): Promise<unknown> {
    return (await this.restrictedClient()).getSampleFilesInformationBy(sampleId);
  }

  /**
   * download_file_by: streams to `destination` (temp file + rename), or returns the bytes when no
   * destination is given (at most `maxBytes`, core's default cap otherwise).
   *
   * @example
   * ```ts
   * await client.downloadFileBy(7, "r1", { destination: "/tmp/plan.pdf" });
   * ```
   */
  async downloadFileBy(sampleId: string | number, resourceId: string | number, o: { destination?: string; maxBytes?: number } = {}): Promise<{ file?: string; bytes: number; data?: Buffer }> {
    return (await this.restrictedClient()).downloadFileBy(sampleId, resourceId, o.destination, o.maxBytes);
  }
}
