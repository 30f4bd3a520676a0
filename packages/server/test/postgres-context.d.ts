// The PostgreSQL URL tools/postgres's global setup provides to `*.pg.test.ts`.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { url: string; host: string; port: number; user: string };
  }
}
