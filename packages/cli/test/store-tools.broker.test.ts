// The pyicat-plus tools through @catkit/icat-plus to a real ActiveMQ: icat-store-raw's message
// arrives on icatIngest with its values read as pyicat-plus reads them, and with no broker to
// take it the message is kept in the outbox (exit 0, "outboxed"), not lost.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import stompit from "stompit";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runCli, tempDir } from "./helpers.js";

const { host, stompPort } = inject("activemq");
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const PATH = "/data/visitor/id002207/id00/20240301/RAW_DATA/collection/collection_dataset1";

function nextMessage(queue: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stompit.connect({ host, port: stompPort, connectHeaders: { host: "/", "heart-beat": "0,0" } }, (err, client) => {
      if (err) return reject(err);
      client.subscribe({ destination: `/queue/${queue}`, ack: "client-individual" }, (error, message) => {
        if (error) return reject(error);
        message.readString("utf-8", (readError, body) => {
          client.ack(message);
          client.disconnect();
          if (readError) reject(readError);
          else resolve(body ?? "");
        });
      });
    });
  });
}

describe("pyicat-plus tools over the real broker", () => {
  it("icat-store-raw sends the dataset to icatIngest with pyicat-plus's value forms", async () => {
    const received = nextMessage("icatIngest");
    const env = { HOME: tmp.dir, CATKIT_ICATPLUS_OUTBOX_DIR: join(tmp.dir, "outbox-sent") };
    const r = await runCli(
      ["--beamline", "id00", "--proposal", "id002207", "--dataset", "dataset1", "--sample", "mysample", "--path", PATH, "-p", "InstrumentBeam_incident_energy=1.0", "-p", "FIELD=plain text", "--queue", `${host}:${stompPort}`],
      { bin: "icat-store-raw", env },
    );
    expect([r.code, r.stderr]).toEqual([0, expect.any(String) as unknown]);
    const xml = await received;
    expect(xml).toContain("dataset1");
    expect(xml).toContain(PATH);
    expect(xml).toMatch(/InstrumentBeam_incident_energy<\/tns:name>\s*<tns:value>1\.0</);
    expect(xml).toMatch(/FIELD<\/tns:name>\s*<tns:value>plain text</);
    expect(xml).toMatch(/Sample_name<\/tns:name>\s*<tns:value>mysample</);
  });

  it("with no broker listening, the message is kept in the outbox and the tool says so", async () => {
    const outbox = join(tmp.dir, "outbox");
    const r = await runCli(
      ["--beamline", "id00", "--proposal", "id002207", "--dataset", "dataset2", "--sample", "s", "--path", PATH, "--queue", "127.0.0.1:9"],
      { bin: "icat-store-raw", env: { HOME: tmp.dir, CATKIT_ICATPLUS_OUTBOX_DIR: outbox, CATKIT_ICATPLUS_QUEUE_TIMEOUT: "2" } },
    );
    expect(r.code).toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/outbox/);
    expect(readdirSync(outbox, { recursive: true }).filter((f) => String(f).endsWith(".xml"))).toHaveLength(1);
  });
});
