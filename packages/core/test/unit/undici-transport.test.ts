// What UndiciTransport puts on the wire for each body kind, checked on undici's MockAgent with
// the network disabled.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { NetworkError } from "../../src/index.ts";
import { formBody, jsonBody, readText, streamBody } from "../../src/internal.ts";
import { mockAgentTransport } from "../../src/testing/index.ts";

const ORIGIN = "https://icat.example.org";

describe("UndiciTransport on MockAgent", () => {
  it("encodes a form body with its content type and length, and the query on the path", async () => {
    const { transport, agent, assertDone } = mockAgentTransport();
    let seen: { headers: Record<string, string>; body: string } | undefined;
    agent
      .get(ORIGIN)
      .intercept({ path: "/icat/session?x=1", method: "POST" })
      .reply(200, (opts) => {
        seen = { headers: opts.headers as Record<string, string>, body: typeof opts.body === "string" ? opts.body : "" };
        return '{"sessionId":"s"}';
      });
    const res = await transport.send({
      method: "POST",
      url: `${ORIGIN}/icat/session`,
      query: new URLSearchParams({ x: "1" }),
      body: formBody({ json: '{"plugin":"db"}' }),
    });
    expect(await readText(res)).toBe('{"sessionId":"s"}');
    expect(seen?.body).toBe("json=%7B%22plugin%22%3A%22db%22%7D");
    expect(seen?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(seen?.headers["content-length"]).toBe(String(seen?.body.length));
    assertDone();
  });

  it("encodes JSON, keeps caller headers, and streams a stream body", async () => {
    const { transport, agent, assertDone } = mockAgentTransport();
    const bodies: string[] = [];
    const types: string[] = [];
    const handler = async (opts: { body?: unknown; headers?: unknown }) => {
      types.push((opts.headers as Record<string, string>)["content-type"] ?? "");
      let text = "";
      if (typeof opts.body === "string") text = opts.body;
      else for await (const chunk of opts.body as AsyncIterable<Buffer>) text += chunk.toString();
      bodies.push(text);
      return "ok";
    };
    agent.get(ORIGIN).intercept({ path: "/api/json", method: "POST" }).reply(200, handler);
    agent.get(ORIGIN).intercept({ path: "/api/put", method: "PUT" }).reply(201, handler);
    await readText(await transport.send({ method: "POST", url: `${ORIGIN}/api/json`, body: jsonBody({ a: [1, "é"] }), headers: { "x-trace": "t" } }));
    await readText(await transport.send({ method: "PUT", url: `${ORIGIN}/api/put`, body: streamBody(() => Readable.from([Buffer.from("ab"), Buffer.from("cd")])) }));
    expect(bodies).toEqual(['{"a":[1,"é"]}', "abcd"]);
    expect(types).toEqual(["application/json", "application/octet-stream"]);
    assertDone();
  });

  it("returns error statuses as responses and maps refused connections to NetworkError", async () => {
    const { transport, agent } = mockAgentTransport();
    agent.get(ORIGIN).intercept({ path: "/icat/version" }).reply(503, "busy");
    const res = await transport.send({ method: "GET", url: `${ORIGIN}/icat/version` });
    expect(res.status).toBe(503);
    expect(await readText(res)).toBe("busy");
    // No interceptor and net connect disabled: undici refuses, catkit maps it.
    const err = await transport.send({ method: "GET", url: "https://elsewhere.example.org/" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: expect.stringMatching(/^CATKIT_/) });
    expect(err instanceof NetworkError || (err as { code: string }).code === "CATKIT_UNEXPECTED").toBe(true);
  });
});
