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

  async disconnect(): Promise<void> {}
  async close(): Promise<void> {}
  async sendMessage(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async sendBinaryData(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async sendTextFile(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async sendBinaryFile(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async startInvestigation(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async storeDataset(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async storeProcessedData(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async storeDatasetFromFile(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async rescheduleInvestigation(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async updateMetadata(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async addFiles(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  /** @deprecated as upstream. */
  async updateArchiveRestoreStatus(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async investigationInfo(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async registeredDatasetIds(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async registeredDatasets(..._args: unknown[]): Promise<undefined> {
    return undefined;
  }
  async investigationInfoString(..._args: unknown[]): Promise<string> {
    return `Proposal information not available (${this.reasonForMissingInformation})`;
  }
  async investigationSummary(..._args: unknown[]): Promise<[string, string][]> {
    const text = `Proposal information not available (${this.reasonForMissingInformation})`;
    return [["e-logbook", text], ["data portal", text]];
  }
  async flushOutbox(): Promise<{ delivered: number; remaining: number }> {
    return { delivered: 0, remaining: 0 };
  }
}
