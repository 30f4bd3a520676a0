// issue 7 item 11: restoreAndWait keeps to its deadline (a timeoutMs of 1.5 s waits 1.5 s and says
// so), and a caller's AbortSignal.timeout() gives TimeoutError whether it fires during a request or
// while waiting between polls.
import { AbortError, TimeoutError } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdsRestoreTimeoutError } from "../src/index.ts";
import { startFixture, type Fixture } from "./helpers.ts";

let f: Fixture;
const selection = () => ({ datasetIds: [f.seed.dataset.id] });

beforeAll(async () => {
  f = await startFixture({ twoLevel: { restoreDelayMs: 60_000 } }); // never online during a test
  await f.ids.archive(selection());
});
afterAll(() => f.close());

describe("restoreAndWait deadlines", () => {
  it("waits the whole timeoutMs, not one pause less, and reports the time really waited", async () => {
    const started = performance.now();
    const err = await f.ids.restoreAndWait(selection(), { timeoutMs: 1_500, initialDelayMs: 1_000 }).catch((e: unknown) => e);
    const waited = performance.now() - started;
    expect(err).toBeInstanceOf(IdsRestoreTimeoutError);
    expect(waited).toBeGreaterThanOrEqual(1_450);
    expect((err as Error).message).toMatch(/after 1\.[5-9] s of waiting/);
    expect(err).toMatchObject({ timeoutMs: 1_500 });
  });

  it("an AbortSignal.timeout that fires between polls gives TimeoutError, as it does during a request", async () => {
    const waiting = await f.ids.restoreAndWait(selection(), { initialDelayMs: 5_000, signal: AbortSignal.timeout(200) }).catch((e: unknown) => e);
    expect(waiting).toBeInstanceOf(TimeoutError);
    const plain = await f.ids.getStatus(selection(), { signal: AbortSignal.timeout(0) }).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(TimeoutError);
  });

  it("a caller's own abort gives AbortError in both places", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const waiting = await f.ids.restoreAndWait(selection(), { initialDelayMs: 5_000, signal: controller.signal }).catch((e: unknown) => e);
    expect(waiting).toBeInstanceOf(AbortError);
  });
});
