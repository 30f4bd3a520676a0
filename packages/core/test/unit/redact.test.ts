import { describe, expect, it, vi } from "vitest";
import { redact, redactingLogger, registerSecret, type Logger } from "../../src/index.ts";
import { redactHeaders, redactUrl, redactValue } from "../../src/internal.ts";

const UUID = "3f2c9a1b-7d4e-4c5f-9a8b-0c1d2e3f4a5b";

describe("redact", () => {
  it.each([
    [`GET /ids/getData?sessionId=${UUID}&datafileIds=1`, "GET /ids/getData?sessionId=[REDACTED]&datafileIds=1"],
    [`sessionId=${UUID}&zip=true`, "sessionId=[REDACTED]&zip=true"],
    ["https://x/cb?access_token=abc.def.ghi&state=1", "https://x/cb?access_token=[REDACTED]&state=1"],
    ['{"plugin":"db","credentials":[{"username":"root"},{"password":"s3cr3t!"}]}', '{"plugin":"db","credentials":[{"username":"root"},{"password":"[REDACTED]"}]}'],
    ['{"sessionId": "abc-def"}', '{"sessionId": "[REDACTED]"}'],
    ["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "Authorization: Bearer [REDACTED]"],
    ["authorization=Basic dXNlcjpwYXNz", "authorization=Basic [REDACTED]"],
    ["token was Bearer abc123.def", "token was Bearer [REDACTED]"],
    ["password: hunter2 then", "password: [REDACTED] then"],
    [`Unable to find user by sessionid: ${UUID}`, "Unable to find user by sessionid: [REDACTED]"],
    [`Session id:${UUID} has expired`, "Session id:[REDACTED] has expired"],
    [`The sessionId parameter '${UUID}' is not a valid UUID`, "The sessionId parameter '[REDACTED]' is not a valid UUID"],
  ])("redacts %s", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it("leaves ordinary text alone", () => {
    const text = `GET /ids/getData?datafileIds=1,2&outname=run.zip (Dataset id 42, session ended at 12:00, see /icat/session)`;
    expect(redact(text)).toBe(text);
  });

  // issue 7 item 2: a preparedId grants data without a session; a session id sits in ICAT's session paths.
  it.each([
    [`GET /ids/getData?preparedId=${UUID}&outname=run.zip`, "GET /ids/getData?preparedId=[REDACTED]&outname=run.zip"],
    [`{"preparedId":"${UUID}"}`, '{"preparedId":"[REDACTED]"}'],
    [`The preparedId ${UUID} is not known`, "The preparedId [REDACTED] is not known"],
    [`The preparedId parameter '${UUID}x' is not a valid UUID`, "The preparedId parameter '[REDACTED]' is not a valid UUID"],
    [`GET https://icat.example.org/icat/session/${UUID} failed with HTTP 500`, "GET https://icat.example.org/icat/session/[REDACTED] failed with HTTP 500"],
    [`DELETE /icat/session/${UUID}?x=1`, "DELETE /icat/session/[REDACTED]?x=1"],
    // ICAT+ routes: session id or API key as the second segment
    [`GET /catalogue/${UUID}/investigation?ids=1`, "GET /catalogue/[REDACTED]/investigation?ids=1"],
    ["POST /dataacquisition/elogbook-secret-key/notification", "POST /dataacquisition/[REDACTED]/notification"],
    [`GET /logbook/${UUID}/event`, "GET /logbook/[REDACTED]/event"],
    ["PUT /api/sessions/not-a-uuid-but-secret/extend", "PUT /api/sessions/[REDACTED]/extend"],
  ])("redacts prepared ids and session path segments: %s", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it("replaces registered secret values anywhere", () => {
    registerSecret("not-a-uuid-token-value");
    expect(redact("failed with token not-a-uuid-token-value, retry")).toBe("failed with token [REDACTED], retry");
  });

  it("redacts URLs including user info", () => {
    expect(redactUrl(`https://user:pw@icat.example.org/icat/session/${UUID}?sessionId=${UUID}`)).toBe(
      "https://[REDACTED]@icat.example.org/icat/session/[REDACTED]?sessionId=[REDACTED]",
    );
  });

  it("masks secret keys deeply and redacts strings", () => {
    expect(redactValue({ a: { password: "x", list: [`sessionId=${UUID}`] }, Authorization: "Bearer t", n: 1 })).toEqual({
      a: { password: "[REDACTED]", list: ["sessionId=[REDACTED]"] },
      Authorization: "[REDACTED]",
      n: 1,
    });
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    expect(redactValue(cyclic)).toEqual({ name: "x", self: "[…]" });
  });

  it("masks credential headers and keeps the scheme", () => {
    expect(redactHeaders({ authorization: "Bearer abc", cookie: "JSESSIONID=1", accept: "*/*" })).toEqual({
      authorization: "Bearer [REDACTED]",
      cookie: "[REDACTED]",
      accept: "*/*",
    });
  });
});

describe("redactingLogger", () => {
  it("redacts messages and fields before they reach the logger", () => {
    const calls: unknown[][] = [];
    const record = (...args: unknown[]) => calls.push(args);
    const target: Logger = { trace: record, debug: record, info: record, warn: record, error: record };
    const log = redactingLogger(target);
    log.info(`login with password=hunter2 sessionId=${UUID}`);
    log.warn({ url: `http://x/?sessionId=${UUID}`, password: "p" }, `retrying ${UUID}-free`);
    const text = JSON.stringify(calls);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain(`sessionId=${UUID}`);
    expect(calls[1]?.[0]).toEqual({ url: "http://x/?sessionId=[REDACTED]", password: "[REDACTED]" });
  });

  it("works with a pino-style logger whose methods use `this`", () => {
    const sink = vi.fn();
    const pinoLike = {
      level: "info",
      write: sink,
      info(this: { write: (x: unknown) => void }, ...args: unknown[]) { this.write(args); },
      trace() {}, debug() {}, warn() {}, error() {},
    } as unknown as Logger;
    redactingLogger(pinoLike).info("ok");
    expect(sink).toHaveBeenCalledWith(["ok"]);
  });
});
