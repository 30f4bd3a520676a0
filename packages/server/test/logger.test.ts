// The server's pino logger: requests are logged by method and redacted URL (fastify's request
// exposes them as getters), and no secret reaches a line.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import Fastify, { LogController } from "fastify";
import { createLogger, requestLoggerFactory } from "../src/app/logger.ts";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>); done(); } });
  return { lines, log: createLogger("info", stream) };
}

// Shaped like a FastifyRequest: method and url are prototype getters, not own properties.
class FakeRequest {
  get method() { return "GET"; }
  get url() { return "/catalogue/0123abcd-aaaa-bbbb-cccc-0123456789ab/investigation?sessionId=secret-session"; }
  get ip() { return "127.0.0.1"; }
}

describe("createLogger", () => {
  it("logs a request's method and URL, with the session redacted", async () => {
    const { lines, log } = capture();
    log.info({ req: new FakeRequest(), res: { statusCode: 200 } }, "request completed");
    await new Promise((r) => setImmediate(r));
    const line = lines[0] ?? {};
    expect(line.req).toMatchObject({ method: "GET", ip: "127.0.0.1" });
    const url = (line.req as { url: string }).url;
    expect(url.startsWith("/catalogue/")).toBe(true);
    expect(url).not.toContain("secret-session");
    expect(url).not.toContain("0123abcd-aaaa-bbbb-cccc-0123456789ab");
    expect(line.res).toEqual({ statusCode: 200 });
  });

  it("redacts secrets in other fields and in the message", async () => {
    const { lines, log } = capture();
    log.info({ password: "hunter2", nested: { url: "http://x/ids/getData?sessionId=abc-123" } }, "login with password=hunter2");
    await new Promise((r) => setImmediate(r));
    expect(JSON.stringify(lines)).not.toContain("hunter2");
    expect(JSON.stringify(lines)).not.toContain("abc-123");
  });

  it("gives each request a logger bound to its request id, made on its first enabled call", async () => {
    const { lines, log } = capture();
    const app = Fastify({ loggerInstance: log, childLoggerFactory: requestLoggerFactory(log), logController: new LogController({ disableRequestLogging: true }) });
    app.get("/x", (req) => {
      req.log.debug("below the level");
      req.log.info({ password: "hunter2" }, "hello");
      req.log.child({ part: "inner" }).warn("nested");
      return "ok";
    });
    expect((await app.inject({ url: "/x" })).statusCode).toBe(200);
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.msg, l.reqId, l.part])).toEqual([["hello", "req-1", undefined], ["nested", "req-1", "inner"]]);
    expect(JSON.stringify(lines)).not.toContain("hunter2");
    await app.close();
  });
});
