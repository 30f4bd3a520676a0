import { describe, expect, it } from "vitest";
import { createClientContext, InvalidArgumentError, staticSession, tokenAs, type Logger } from "../../src/index.ts";
import { readText } from "../../src/internal.ts";
import { mockAgentTransport, mockTransport } from "../../src/testing/index.ts";

const service = { name: "catkit-test", version: "1.2.3", auth: { apply: tokenAs.sessionParam("sessionId") } };

describe("createClientContext", () => {
  it("resolves paths under the base URL, with or without a trailing slash", () => {
    const transport = mockTransport(() => ({ status: 200 }));
    expect(createClientContext({ url: "https://h/ids", transport }, service).url("getData")).toBe("https://h/ids/getData");
    expect(createClientContext({ url: "https://h/ids/", transport }, service).url("/ping")).toBe("https://h/ids/ping");
  });

  it("rejects a bad URL before any request", () => {
    expect(() => createClientContext({ url: "icat.example.org" }, service)).toThrow(InvalidArgumentError);
    expect(() => createClientContext({ url: "ftp://h/x" }, service)).toThrow(/http or https/);
  });

  it("sets a user agent, signs with a plain-string credential, retries, and logs redacted", async () => {
    const lines: unknown[] = [];
    const record = (...args: unknown[]) => lines.push(args);
    const logger: Logger = { trace: record, debug: record, info: record, warn: record, error: record };
    const transport = mockTransport((_r, call) => ({ status: call === 1 ? 503 : 200, body: "IdsOK" }));
    const ctx = createClientContext(
      { url: "https://h/ids", credential: "0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6", transport, logger, retry: { initialDelayMs: 1 } },
      service,
    );
    const res = await ctx.send({ method: "GET", url: ctx.url("ping") });
    expect(await readText(res)).toBe("IdsOK");
    expect(transport.calls).toHaveLength(2);
    expect(transport.calls[0]?.headers?.["user-agent"]).toMatch(/^catkit-test\/1\.2\.3 node\/\d+/);
    expect(transport.calls[0]?.query?.get("sessionId")).toBe("0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6");
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain("0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6");
    expect(JSON.stringify(lines)).toContain("sessionId=[REDACTED]");
  });

  it("works over undici with a MockAgent and no network", async () => {
    const { transport, agent, assertDone } = mockAgentTransport();
    agent
      .get("https://ids.example.org")
      .intercept({ path: (p) => p.startsWith("/ids/getStatus?") && p.includes("datasetIds=7"), method: "GET" })
      .reply(200, "ONLINE");
    const ctx = createClientContext({ url: "https://ids.example.org/ids", credential: staticSession("abc-session"), transport }, service);
    const res = await ctx.send({ method: "GET", url: ctx.url("getStatus"), query: new URLSearchParams({ datasetIds: "7" }) });
    expect(await readText(res)).toBe("ONLINE");
    assertDone();
    await ctx.close();
  });
});
