// Vitest global setup for `*.pg.test.ts`: one real PostgreSQL for the run. Tests read its URL
// with `inject("postgres")` and make their own schema or database in it.
import type { TestProject } from "vitest/node";
import { startPostgres } from "./start.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { url: string; host: string; port: number; user: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pg = await startPostgres({ log: (line) => process.stderr.write(`${line}\n`) });
  project.provide("postgres", { url: pg.url, host: pg.host, port: pg.port, user: pg.user });
  return () => pg.stop();
}
