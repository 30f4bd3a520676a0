// Seeds the demo: as nbour, a dataset "demo" in 12100409-ST with three small text files uploaded
// through IDS (so they have real bytes, sizes and checksums), using the public client API only.
import { Readable } from "node:stream";
import { IcatClient, Query, eq } from "@catkit/icat";

/** What was seeded. */
export interface DemoSeed {
  datasetId: number;
  datasetName: string;
  datafileIds: number[];
  /** The id of DatafileFormat "Text" (for `catkit ids put --format-id`). */
  textFormatId: number;
}

const FILES: readonly [string, string][] = [
  ["greet-nbour.txt", "Hello Nicolas!\n"],
  ["greet-jdoe.txt", "Hello John!\n"],
  ["scan-0001.dat", "# energy counts\n7.10 1234\n7.11 1302\n"],
];

/**
 * Creates the demo dataset and files.
 *
 * @example
 * ```ts
 * const { datasetId } = await seedDemo(sandbox.icatUrl, sandbox.idsUrl);
 * ```
 */
export async function seedDemo(icatUrl: string, idsUrl: string): Promise<DemoSeed> {
  const icat = new IcatClient({ url: icatUrl, idsUrl });
  try {
    await icat.login("db", { username: "nbour", password: "secret" });
    const [investigation] = await icat.assertedSearch(new Query("Investigation", { conditions: { name: eq("12100409-ST") } }));
    const [type] = await icat.assertedSearch(new Query("DatasetType", { conditions: { name: eq("raw") } }));
    const [format] = await icat.assertedSearch(new Query("DatafileFormat", { conditions: { name: eq("Text") } }));
    const dataset = icat.new("Dataset", { investigation, type, name: "demo", complete: false });
    dataset.id = await icat.create(dataset);
    const datafileIds: number[] = [];
    for (const [name, text] of FILES) {
      const df = await icat.putData(Readable.from([Buffer.from(text)]), { name, dataset, datafileFormat: format }, { size: Buffer.byteLength(text) });
      datafileIds.push(df.id ?? 0);
    }
    await icat.logout();
    return { datasetId: dataset.id, datasetName: "demo", datafileIds, textFormatId: format.id ?? 0 };
  } finally {
    await icat.close();
  }
}
