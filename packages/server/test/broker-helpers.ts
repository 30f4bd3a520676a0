// Broker-side helpers for the ingest tests: a sender speaking as pyicat-plus does (its SEND
// headers, plus catkit's message id), a reader of dead-letter queues, per-test queue names, and
// an ICAT sandbox with an ingest service in front of it.
import { randomUUID } from "node:crypto";
import { sendHeaders } from "@catkit/icat-plus";
import stompit from "stompit";
import type { Counter } from "prom-client";

export type Queues = { metadata: string; updateMetadata: string; addFiles: string; reschedule: string; archive: string };

export function tagQueues(): Queues {
  const tag = `${process.pid}.${randomUUID().slice(0, 8)}`;
  return {
    metadata: `icatIngest.${tag}`, updateMetadata: `icatUpdateDatasetMetadata.${tag}`, addFiles: `icatDataFiles.${tag}`,
    reschedule: `rescheduleInvestigation.${tag}`, archive: `icatArchiveRestoreStatus.${tag}`,
  };
}

export function queueEnv(queues: Queues, broker: string): Record<string, string> {
  return {
    CATKIT_SERVER__INGEST__BROKERS: JSON.stringify([broker]),
    CATKIT_SERVER__INGEST__QUEUES: JSON.stringify(queues),
  };
}

export function connect(host: string, port: number): Promise<stompit.Client> {
  return new Promise((resolve, reject) => {
    const client = stompit.connect({ host, port, connectHeaders: { host: "/", "accept-version": "1.1", "heart-beat": "0,0" } }, (err) => (err ? reject(err) : resolve(client)));
  });
}

/** Sends bodies as pyicat-plus does, waiting for the broker's receipt of the last one. */
export async function sendAll(client: stompit.Client, queue: string, bodies: readonly string[]): Promise<void> {
  for (const [i, body] of bodies.entries()) {
    const last = i === bodies.length - 1;
    await new Promise<void>((resolve, reject) => {
      const frame = client.send(sendHeaders(queue, randomUUID()), last ? { onReceipt: () => resolve(), onError: reject } : undefined);
      frame.end(body);
      if (!last) resolve();
    });
  }
}

export interface DeadLetter {
  headers: Record<string, string>;
  body: string;
}

/** Reads (and acknowledges) everything on a queue until `count` arrived or `timeoutMs` passed. */
export function readQueue(client: stompit.Client, queue: string, count: number, timeoutMs = 30_000): Promise<DeadLetter[]> {
  return new Promise((resolve, reject) => {
    const out: DeadLetter[] = [];
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error(`${out.length} of ${count} messages on ${queue} within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = client.subscribe({ destination: `/queue/${queue}`, ack: "auto" }, (err, message) => {
      if (err) return reject(err);
      message.readString("utf-8", (e, body) => {
        if (e) return reject(e);
        out.push({ headers: (message as unknown as { headers: Record<string, string> }).headers, body: body ?? "" });
        if (out.length === count) {
          clearTimeout(timer);
          sub.unsubscribe();
          resolve(out);
        }
      });
    });
  });
}

/** The sum of a counter's values whose labels match. */
export async function counted(counter: Counter, labels: Record<string, string> = {}): Promise<number> {
  const { values } = await counter.get();
  return values.filter((v) => Object.entries(labels).every(([k, want]) => v.labels[k] === want)).reduce((sum, v) => sum + v.value, 0);
}

/** Polls `check` every `everyMs` until it holds; long waits poll less often, so as not to load the sandbox they watch. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
