import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type * as HttpErrorModule from "../../src/errors/http-error.ts";
import { AbortError, AuthError, CatkitError, ConfigError, CoreErrorCode, describeErrorCode, HttpError, InvalidArgumentError, isCatkitError, NetworkError, ResponseValidationError, TimeoutError } from "../../src/index.ts";
import { MAX_QUOTED_URL, quoteUrl, redactUrl, toCatkitError } from "../../src/internal.ts";

describe("error hierarchy", () => {
  it("gives each class its code and keeps the prototype chain", () => {
    const cases: Array<[CatkitError, string, abstract new (...args: never[]) => CatkitError]> = [
      [new HttpError({ status: 502, method: "GET", url: "http://x/" }), "CATKIT_HTTP", HttpError],
      [new NetworkError("reset"), "CATKIT_NETWORK", NetworkError],
      [new TimeoutError("slow", { phase: "connect" }), "CATKIT_TIMEOUT", TimeoutError],
      [new AbortError(), "CATKIT_ABORTED", AbortError],
      [new AuthError("no"), "CATKIT_AUTH", AuthError],
      [new ResponseValidationError("bad", { issues: ["(root): x"] }), "CATKIT_RESPONSE_VALIDATION", ResponseValidationError],
      [new InvalidArgumentError("bad id", { argument: "id" }), "CATKIT_INVALID_ARGUMENT", InvalidArgumentError],
      [new ConfigError("bad", { file: "f", section: "s", key: "k" }), "CATKIT_CONFIG", ConfigError],
    ];
    for (const [err, code, cls] of cases) {
      expect(err.code).toBe(code);
      expect(err).toBeInstanceOf(cls);
      expect(err).toBeInstanceOf(CatkitError);
      expect(err).toBeInstanceOf(Error);
      expect(isCatkitError(err)).toBe(true);
      expect(err.name).toBe(cls.name);
    }
    expect(new NetworkError("x")).not.toBeInstanceOf(TimeoutError);
    expect(new HttpError({ status: 500, method: "GET", url: "http://x/" })).not.toBeInstanceOf(NetworkError);
  });

  it("recognises errors from a second copy of @catkit/core (duplicate install)", async () => {
    // A query string makes vite load a separate module instance: a different class object.
    const duplicate = "../../src/errors/http-error.ts?duplicate";
    const copy = (await import(/* @vite-ignore */ duplicate)) as typeof HttpErrorModule;
    const foreign = new copy.HttpError({ status: 404, method: "GET", url: "http://x/" });
    expect(copy.HttpError).not.toBe(HttpError);
    expect(isCatkitError(foreign)).toBe(true);
    expect(foreign).toBeInstanceOf(HttpError);
    expect(foreign).toBeInstanceOf(CatkitError);
    expect(foreign).not.toBeInstanceOf(NetworkError);
    expect(isCatkitError(new Error("plain"))).toBe(false);
    expect(isCatkitError({ code: "CATKIT_HTTP" })).toBe(false);
  });

  it("documents every core code", () => {
    for (const code of Object.values(CoreErrorCode)) expect(describeErrorCode(code)).toMatch(/\w{5}/);
  });

  it("names file, section and key in config errors", () => {
    const err = new ConfigError("checkCert must be a boolean", { file: "/etc/icat/icat.cfg", section: "root", key: "checkcert" });
    expect(err.message).toBe('/etc/icat/icat.cfg [root] "checkcert": checkCert must be a boolean');
    expect(err.toJSON()).toMatchObject({ file: "/etc/icat/icat.cfg", section: "root", key: "checkcert" });
  });
});

describe("toCatkitError", () => {
  const ctx = { method: "GET", url: "http://ids/ping" };
  it.each([
    ["UND_ERR_CONNECT_TIMEOUT", TimeoutError, "connect"],
    ["UND_ERR_HEADERS_TIMEOUT", TimeoutError, "headers"],
    ["UND_ERR_BODY_TIMEOUT", TimeoutError, "body"],
  ])("maps undici %s", (code, cls, phase) => {
    const err = toCatkitError(Object.assign(new Error("t"), { code }), ctx);
    expect(err).toBeInstanceOf(cls);
    expect((err as TimeoutError).phase).toBe(phase);
  });

  it.each(["ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET", "ENOTFOUND"])("maps %s to NetworkError", (code) => {
    const err = toCatkitError(Object.assign(new Error("boom"), { code }), ctx);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).errno).toBe(code);
    expect(err.message).toContain("GET http://ids/ping");
  });

  it("finds the system code on a wrapped cause", () => {
    const err = toCatkitError(new Error("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }));
    expect(err).toBeInstanceOf(NetworkError);
  });

  it("tells a caller's abort from an AbortSignal.timeout deadline", () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(toCatkitError(Object.assign(new Error("x"), { name: "AbortError" }), { signal: aborted.signal })).toBeInstanceOf(AbortError);
    const deadline = toCatkitError(new DOMException("timed out", "TimeoutError"));
    expect(deadline).toBeInstanceOf(TimeoutError);
    expect((deadline as TimeoutError).phase).toBe("total");
  });

  it("wraps unknown errors and passes catkit errors through", () => {
    const same = new AuthError("x");
    expect(toCatkitError(same)).toBe(same);
    expect(toCatkitError("weird").code).toBe(CoreErrorCode.Unexpected);
  });
});

describe("redaction in errors", () => {
  const SESSION = "0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6";
  it("keeps session ids and passwords out of message, url, body, toJSON and inspect", () => {
    const err = new HttpError({
      status: 403,
      method: "GET",
      url: `https://icat.example.org/icat/entityManager?sessionId=${SESSION}&query=Dataset`,
      body: { code: "SESSION", message: `Unable to find user by sessionid: ${SESSION}` },
      cause: new Error(`upstream said sessionId=${SESSION} password=hunter22`),
    });
    const renderings = [err.message, err.url, JSON.stringify(err), JSON.stringify(err.body), inspect(err), inspect(err, { depth: 5 }), String(err.stack)];
    for (const text of renderings) {
      expect(text).not.toContain(SESSION);
      expect(text).not.toContain("hunter22");
    }
    expect(err.url).toBe("https://icat.example.org/icat/entityManager?sessionId=[REDACTED]&query=Dataset");
    expect(inspect(err)).toContain("[REDACTED]");
  });
});

describe("URLs quoted in messages (issue 7 item 12)", () => {
  const ids = Array.from({ length: 100_000 }, (_, i) => i + 1).join(",");
  const url = `https://ids.example.org/ids/getStatus?sessionId=0d9a3706-80d4-4d29-9ff3-4d65d4308a24&datafileIds=${ids}`;

  it("quoteUrl redacts first, then cuts, saying how much it left out", () => {
    const quoted = quoteUrl(url);
    expect(quoted.length).toBeLessThan(MAX_QUOTED_URL + 40);
    expect(quoted).toMatch(/^https:\/\/ids\.example\.org\/ids\/getStatus\?sessionId=\[REDACTED\]&datafileIds=1,2,3,/);
    expect(quoted).toMatch(/…\[\+[\d,]+ characters\]$/);
    expect(quoteUrl("https://x/ping")).toBe("https://x/ping");
  });

  it("an HttpError quotes a capped URL and keeps the whole redacted one in `url`", () => {
    const err = new HttpError({ status: 502, method: "GET", url });
    expect(err.message.length).toBeLessThan(500);
    expect(err.message).toMatch(/failed with HTTP 502$/);
    expect(err.url).toHaveLength(redactUrl(url).length);
    expect(toCatkitError(Object.assign(new Error("reset"), { code: "ECONNRESET" }), { method: "GET", url }).message.length).toBeLessThan(500);
  });

  it.each([414, 431])("HTTP %i says the URL was too long and how to split the request", (status) => {
    const plain = new HttpError({ status, method: "GET", url });
    expect(plain.message).toMatch(new RegExp(`HTTP ${status}: the server refused a ${url.length.toLocaleString("en")}-character request URL as too long\\. Split the request into smaller ones\\.$`));
    const hinted = new HttpError({ status, method: "GET", url, urlTooLongHint: "lower maxUrlLength" });
    expect(hinted.message).toMatch(/Split the request into smaller ones: lower maxUrlLength$/);
    expect(hinted.message.length).toBeLessThan(700);
  });
});
