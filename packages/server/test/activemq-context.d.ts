// The broker address tools/activemq's global setup provides to `*.broker.test.ts`.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    activemq: { host: string; stompPort: number };
  }
}
