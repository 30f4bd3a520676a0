// The whole test stack on one broker: ICAT sandbox, ICAT+ sandbox (Jolokia answered from the
// ingester), the sandbox ingester on queues with a per-test suffix, and a client wired to all.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IcatClient } from "@catkit/icat";
import { startIcatSandbox, type IcatSandbox } from "@catkit/icat/testing";
import { IcatPlusClient, type IcatPlusClientOptions } from "../../src/index.js";
import { startIcatPlusSandbox, startIngester, type IcatPlusSandbox, type Ingester } from "../../src/testing/index.js";

export interface Stack {
  icatSandbox: IcatSandbox;
  icat: IcatClient;
  icatPlus: IcatPlusSandbox;
  ingester: Ingester;
  client: IcatPlusClient;
  dir: string;
  queues: { metadata: string; updateMetadata: string; addFiles: string; reschedule: string; archive: string };
  clientOptions: IcatPlusClientOptions;
  close(): Promise<void>;
}

export async function startStack(brokers: readonly string[], extra: IcatPlusClientOptions = {}): Promise<Stack> {
  const tag = `${process.pid}.${Math.random().toString(36).slice(2, 8)}`;
  const queues = {
    metadata: `icatIngest.${tag}`, updateMetadata: `icatUpdateDatasetMetadata.${tag}`, addFiles: `icatDataFiles.${tag}`,
    reschedule: `rescheduleInvestigation.${tag}`, archive: `icatArchiveRestoreStatus.${tag}`,
  };
  const dir = await mkdtemp(join(tmpdir(), "icatplus-stack-"));
  const icatSandbox = await startIcatSandbox();
  const icat = new IcatClient({ url: icatSandbox.url, credential: icatSandbox.login() });
  const ingester = await startIngester({ brokers, icat, queues });
  const icatPlus = await startIcatPlusSandbox({
    icat: icatSandbox,
    consumers: (q) => ingester.consumerCount(q),
    sampleFiles: { "1": [{ id: "r1", filename: "plan.txt", groupName: "plans", content: "the plan" }] },
    parcels: { "1": [{ id: "p1", name: "parcel", content: [] }] },
  });
  const clientOptions: IcatPlusClientOptions = {
    metadataUrls: brokers, metadataQueue: queues.metadata, metadataQueueMonitorPort: icatPlus.port,
    updateMetadataUrls: brokers, updateMetadataQueue: queues.updateMetadata,
    addFilesUrls: brokers, addFilesQueue: queues.addFiles,
    rescheduleInvestigationUrls: brokers, rescheduleInvestigationQueue: queues.reschedule,
    archiveUrls: brokers, archiveQueue: queues.archive,
    elogbookUrl: icatPlus.url, icatplusRestrictedUrl: icatPlus.url,
    beamline: "id00", proposal: "hg123", machine: "lid00ctrl", software: "test", outboxDir: join(dir, "outbox"),
    ...extra,
  };
  const client = new IcatPlusClient(clientOptions);
  return {
    icatSandbox, icat, icatPlus, ingester, client, dir, queues, clientOptions,
    async close() {
      await client.close();
      await ingester.stop();
      await icatPlus.close();
      await icat.close();
      await icatSandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
