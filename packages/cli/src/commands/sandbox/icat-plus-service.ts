// The ICAT+ sandbox (@catkit/icat-plus/testing) over the ICAT sandbox, so that look-ups see the
// ICAT data; with a broker (--broker) also the sandbox ingester, which consumes the real queues
// and writes to ICAT, so icat-store-raw → ICAT+ look-ups work end to end.
import { UsageError } from "../../runtime/exit-codes.js";
import type { SandboxService } from "./service.js";

/**
 * ICAT+ (and the ingester when a broker runs).
 *
 * @example
 * ```ts
 * const running = await icatPlusService.start({ host: "127.0.0.1", demo: true, log: () => {}, shared, signal });
 * ```
 */
export const icatPlusService: SandboxService = {
  name: "icat-plus",
  async start({ shared }) {
    if (!shared.icat) throw new UsageError("the ICAT+ sandbox needs the ICAT sandbox started first");
    const { IcatClient } = await import("@catkit/icat");
    const { startIcatPlusSandbox, startIngester } = await import("@catkit/icat-plus/testing");
    const icat = new IcatClient({ url: shared.icat.url, credential: shared.icat.rootSession() });
    const icatSandbox = shared.icat.sandbox as Parameters<typeof startIcatPlusSandbox>[0]["icat"];
    const ingester = shared.brokers ? await startIngester({ brokers: shared.brokers, icat }) : undefined;
    try {
      const icatPlus = await startIcatPlusSandbox({ icat: icatSandbox, ...(ingester ? { consumers: (q: string) => ingester.consumerCount(q) } : {}) });
      const env: Record<string, string> = { CATKIT_ICATPLUS_ELOGBOOK_URL: icatPlus.url, CATKIT_ICATPLUS_ELOGBOOK_TOKEN: icatPlus.token };
      if (shared.brokers) Object.assign(env, { CATKIT_ICATPLUS_METADATA_URLS: shared.brokers.join(","), CATKIT_ICATPLUS_METADATA_QUEUE_MONITOR_PORT: String(icatPlus.port) });
      return {
        name: ingester ? "ICAT+ (with the sandbox ingester)" : "ICAT+",
        urls: { "ICAT+": icatPlus.url },
        notes: [
          "e-logbook token: pyicat-plus's placeholder (exported below); restricted API user \"reader\", password \"correct\"",
          "try: catkit icat-plus investigation --beamline EDDI --proposal 12100409-ST --date 2012-07-30",
          ...(ingester ? [] : ["no broker: icat-store-* keep their messages in the outbox (start with --broker to ingest them)"]),
        ],
        env,
        close: async () => {
          await icatPlus.close();
          await ingester?.stop();
          await icat.close();
        },
      };
    } catch (err) {
      await ingester?.stop();
      await icat.close();
      throw err;
    }
  },
};
