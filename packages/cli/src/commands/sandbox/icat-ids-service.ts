// The ICAT and IDS sandboxes (@catkit/icat/testing, @catkit/ids/testing) with python-icat's
// tutorial world, two-level storage, and a demo dataset with files so `ids get` has bytes.
import type { SandboxService } from "./service.js";
import { seedDemo } from "./seed-demo.js";

/**
 * ICAT + IDS.
 *
 * @example
 * ```ts
 * const running = await icatIdsService.start({ host: "127.0.0.1", demo: true, log: () => {} });
 * ```
 */
export const icatIdsService: SandboxService = {
  name: "icat",
  async start({ host, demo, log, shared }) {
    const { startIcatAndIdsSandbox, tutorialFixture } = await import("@catkit/icat/testing");
    const sandbox = await startIcatAndIdsSandbox({ host, fixture: tutorialFixture, twoLevel: { restoreDelayMs: 1000 } });
    try {
      const seeded = demo ? await seedDemo(sandbox.icatUrl, sandbox.idsUrl) : undefined;
      shared.icat = { url: sandbox.icatUrl, rootSession: () => sandbox.icat.login(), sandbox: sandbox.icat };
      if (seeded) log(`seeded dataset "${seeded.datasetName}" (id ${seeded.datasetId}) with ${seeded.datafileIds.length} files in investigation 12100409-ST`);
      return {
        name: "ICAT + IDS",
        urls: { ICAT: sandbox.icatUrl, IDS: sandbox.idsUrl },
        notes: [
          'users (authenticator "db", password "secret"): root (admin), nbour (PI of 12100409-ST), jdoe, rbeck, ahau, acord',
          ...(seeded ? [`demo dataset ${seeded.datasetId} "${seeded.datasetName}", datafiles ${seeded.datafileIds.join(", ")}; DatafileFormat "Text" is id ${seeded.textFormatId}`] : []),
          "IDS has two-level storage: `catkit ids archive --dataset N` then `catkit ids get --dataset N --wait`",
        ],
        icatCfg: { url: sandbox.icatUrl, idsurl: sandbox.idsUrl, auth: "db", username: "nbour", password: "secret" },
        env: { ICAT_SERVICE: sandbox.icatUrl, ICAT_DATA_SERVICE: sandbox.idsUrl, ICAT_AUTH: "db", ICAT_USER: "nbour" },
        close: () => sandbox.close(),
      };
    } catch (err) {
      await sandbox.close();
      throw err;
    }
  },
};
