// issue 7 item 2: a preparedId grants data without a session (getData?preparedId=), so like a
// session id it never appears in log lines or in what an error renders.
import { inspect } from "node:util";
import type { Logger } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdsNotFoundError, type IdsError } from "../src/index.ts";
import { startFixture, type Fixture } from "./helpers.ts";

function capture(): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const log = (first: unknown, message?: string) => lines.push(`${JSON.stringify(first)} ${message ?? ""}`);
  return { logger: { trace: log, debug: log, info: log, warn: log, error: log }, text: () => lines.join("\n") };
}

const logs = capture();
let f: Fixture;
beforeAll(async () => {
  f = await startFixture({}, { logger: logs.logger });
});
afterAll(() => f.close());

describe("preparedIds are secrets", () => {
  it("are masked in the log lines of the calls that carry them", async () => {
    const preparedId = await f.ids.prepareData({ datasetIds: [f.seed.dataset.id] });
    expect(await f.ids.isPrepared(preparedId)).toBe(true);
    expect(await f.ids.getSize(preparedId)).toBeGreaterThan(0);
    const data = await f.ids.getData(preparedId);
    data.body.resume();
    await new Promise((resolve) => data.body.once("end", resolve));
    expect(f.sandbox.requests.some((r) => r.url.includes(`preparedId=${preparedId}`))).toBe(true);
    expect(logs.text()).toMatch(/preparedId=\[REDACTED\]/);
    expect(logs.text()).not.toContain(preparedId);
  });

  it("are masked in the message, url, JSON and inspect of an error, and in IDS's own text", async () => {
    const unknown = "eb0dd942-7ce9-4ea9-b342-ea326edd4dfe";
    const err = (await f.ids.getSize(unknown).catch((e: unknown) => e)) as IdsError;
    expect(err).toBeInstanceOf(IdsNotFoundError);
    for (const rendered of [err.message, err.url, err.idsMessage, JSON.stringify(err), inspect(err)]) {
      expect(rendered).not.toContain(unknown);
    }
    expect(err.idsMessage).toBe("The preparedId [REDACTED] is not known");
  });
});
