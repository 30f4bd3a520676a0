// pyicat-plus's IcatNullClient (client/null.py): the client to hand to code when ICAT is not
// configured or disabled. Every call does nothing; look-ups answer "not available".

/**
 * A client that sends nothing and knows nothing.
 *
 * @example
 * ```ts
 * const client = process.env.ICAT_DISABLED ? new IcatPlusNullClient() : new IcatPlusClient(options);
 * await client.storeDataset({ dataset: "s", path: "/d", metadata: { Sample_name: "s" } }); // no-op on the null client
 * ```
 */
export class IcatPlusNullClient {
  readonly #expire: boolean;

  /** `expireDatasetsOnClose` as upstream's constructor argument (default true). */
  constructor(options: { expireDatasetsOnClose?: boolean } = {}) {
    this.#expire = options.expireDatasetsOnClose ?? true;
  }

  /** True unless constructed otherwise: without ICAT, Bliss lets closed datasets expire. */
  get expireDatasetsOnClose(): boolean {
    return this.#expire;
  }

  /** "ICAT is not configured" or "ICAT communication is disabled", as upstream. */
  get reasonForMissingInformation(): string {
    return this.#expire ? "ICAT is not configured" : "ICAT communication is disabled";
  }

  disconnect(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
  sendMessage(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  sendBinaryData(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  sendTextFile(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  sendBinaryFile(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  startInvestigation(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  storeDataset(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  storeProcessedData(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  storeDatasetFromFile(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  rescheduleInvestigation(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  updateMetadata(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  addFiles(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  /** @deprecated as upstream. */
  updateArchiveRestoreStatus(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  investigationInfo(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  registeredDatasetIds(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  registeredDatasets(..._args: unknown[]): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  investigationInfoString(..._args: unknown[]): Promise<string> {
    return Promise.resolve(`Proposal information not available (${this.reasonForMissingInformation})`);
  }
  investigationSummary(..._args: unknown[]): Promise<[string, string][]> {
    const text = `Proposal information not available (${this.reasonForMissingInformation})`;
    return Promise.resolve([["e-logbook", text], ["data portal", text]]);
  }
  flushOutbox(): Promise<{ delivered: number; remaining: number }> {
    return Promise.resolve({ delivered: 0, remaining: 0 });
  }
}
