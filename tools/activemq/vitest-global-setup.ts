// Vitest global setup for `*.broker.test.ts`: one real ActiveMQ broker for the run.
// Tests read its address with `inject("activemq")`.
import type { TestProject } from "vitest/node";
import { startBroker } from "./start.ts";

declare module "vitest" {
  export interface ProvidedContext {
    activemq: { host: string; stompPort: number };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const broker = await startBroker({ log: (line) => process.stderr.write(`${line}\n`) });
  project.provide("activemq", { host: broker.host, stompPort: broker.stompPort });
  return () => broker.stop();
}
