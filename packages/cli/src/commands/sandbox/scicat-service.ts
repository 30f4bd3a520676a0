// The SciCat sandbox (@catkit/scicat/testing) and, with the demo, one raw dataset uploaded through
// @catkit/scicat with a CopyFileTransfer into a temporary "file server" directory, so
// `catkit scicat download --transfer copy` has real, checksummed files to fetch.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxService } from "./service.js";

/**
 * SciCat.
 *
 * @example
 * ```ts
 * const running = await scicatService.start({ host: "127.0.0.1", demo: true, log: () => {}, shared: {}, signal });
 * ```
 */
export const scicatService: SandboxService = {
  name: "scicat",
  async start({ host, demo, log }) {
    const { startScicatSandbox } = await import("@catkit/scicat/testing");
    const sandbox = await startScicatSandbox({ host });
    const files = await mkdtemp(join(tmpdir(), "catkit-sandbox-scicat-"));
    const close = async () => {
      await sandbox.close();
      await rm(files, { recursive: true, force: true });
    };
    try {
      const pid = demo ? await seedDemo(sandbox.url, files) : undefined;
      if (pid) log(`seeded SciCat dataset ${pid} with 2 files under ${files}`);
      return {
        name: "SciCat",
        urls: { SciCat: sandbox.url },
        notes: [
          'users: ingestor (password "aman"), admin, user1…user5 (scitacean\'s test backend accounts)',
          `file server (for --transfer copy): ${files}`,
          ...(pid ? [`demo dataset ${pid}; try: catkit scicat download ${pid} --target ./demo-scicat`] : []),
        ],
        env: { CATKIT_SCICAT_URL: sandbox.url, CATKIT_SCICAT_USERNAME: "ingestor" },
        close,
      };
    } catch (err) {
      await close();
      throw err;
    }
  },
};

async function seedDemo(url: string, fileServer: string): Promise<string> {
  const { CopyFileTransfer, Dataset, ScicatClient, localFile } = await import("@catkit/scicat");
  const local = await mkdtemp(join(tmpdir(), "catkit-sandbox-demo-"));
  const client = await ScicatClient.fromCredentials({ url, username: "ingestor", password: "aman", fileTransfer: new CopyFileTransfer({ sourceFolder: join(fileServer, "{owner}", "{uid}") }) });
  try {
    await writeFile(join(local, "scan_001.dat"), "# energy counts\n7.10 1234\n7.11 1302\n");
    await writeFile(join(local, "notes.txt"), "demo dataset of catkit sandbox\n");
    const dataset = new Dataset({
      type: "raw", name: "demo scan", owner: "Ingestor", ownerGroup: "ingestor", contactEmail: "ingestor@example.org", principalInvestigators: ["Ingestor"],
      creationLocation: "catkit sandbox", creationTime: new Date().toISOString(), meta: { temperature: { value: 21, unit: "degC" } },
    }).withFiles([await localFile(join(local, "scan_001.dat")), await localFile(join(local, "notes.txt"))]);
    const uploaded = await client.uploadNewDatasetNow(dataset);
    return String(uploaded.pid);
  } finally {
    await client.close();
    await rm(local, { recursive: true, force: true });
  }
}
