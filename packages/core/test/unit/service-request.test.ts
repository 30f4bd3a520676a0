import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AuthError, createClientContext, HttpError, tokenAs } from "../../src/index.ts";
import { errorBodyMapper, readText } from "../../src/internal.ts";
import { mockTransport } from "../../src/testing/index.ts";

class TeapotError extends HttpError {
  static override readonly kind: string = "test.TeapotError";
}
const mapper = errorBodyMapper(z.object({ code: z.string(), message: z.string() }), (body, response) =>
  body.code === "Teapot" ? new TeapotError({ ...response, message: body.message }) : undefined,
);

function context(reply: Parameters<typeof mockTransport>[0], credential?: string) {
  const transport = mockTransport(reply);
  const ctx = createClientContext(
    { url: "https://svc.example.org/svc", transport, retry: false, ...(credential ? { credential } : {}) },
    { name: "t", version: "0", auth: { apply: tokenAs.sessionParam("sessionId") }, errorMapper: mapper, headers: { "cache-control": "no-cache" }, credentialHint: "a session: log in first" },
  );
  return { ctx, transport };
}

describe("ClientContext.request", () => {
  it("puts query parameters on the URL, form fields in the body, the session where it belongs, and default headers", async () => {
    const { ctx, transport } = context(() => ({ status: 200, body: "ok" }), "s3ss10n-id");
    await readText(await ctx.request({ method: "GET", path: "getStatus", query: { datasetIds: "1,2", outname: undefined }, operation: "t.get" }));
    await readText(await ctx.request({ method: "POST", path: "archive", form: { datasetIds: "3" }, operation: "t.post" }));
    const [get, post] = transport.calls;
    expect(get?.url).toBe("https://svc.example.org/svc/getStatus");
    expect(Object.fromEntries(get?.query ?? [])).toEqual({ datasetIds: "1,2", sessionId: "s3ss10n-id" });
    expect(get?.headers?.["cache-control"]).toBe("no-cache");
    expect(post?.body?.kind === "form" && Object.fromEntries(post.body.fields)).toEqual({ datasetIds: "3", sessionId: "s3ss10n-id" });
  });

  it("refuses a session call without a credential, with the service's hint, before sending", async () => {
    const { ctx, transport } = context(() => ({ status: 200 }));
    await expect(ctx.request({ method: "GET", path: "x", operation: "t.x" })).rejects.toThrow(new AuthError("t.x needs a session: log in first."));
    expect(transport.calls).toHaveLength(0);
    const optional = await ctx.request({ method: "GET", path: "x", session: "optional", operation: "t.x" });
    expect(optional.status).toBe(200);
    expect(transport.calls[0]?.auth).toBe(false);
  });

  it("maps a failed status through the service's error mapper, and odd bodies to a plain HttpError", async () => {
    const { ctx } = context((req) =>
      req.url.endsWith("teapot")
        ? { status: 418, body: '{"code":"Teapot","message":"short and stout"}' }
        : req.url.endsWith("proxy")
          ? { status: 502, body: "<html>Bad Gateway</html>" }
          : { status: 404, body: '{"code":"Unknown","message":"?"}' },
    );
    const teapot = await ctx.request({ method: "GET", path: "teapot", session: "none", operation: "t" }).catch((e: unknown) => e);
    expect(teapot).toBeInstanceOf(TeapotError);
    expect((teapot as Error).message).toBe("short and stout");
    const proxy = await ctx.request({ method: "GET", path: "proxy", session: "none", operation: "t" }).catch((e: unknown) => e);
    expect(proxy).toBeInstanceOf(HttpError);
    expect(proxy).not.toBeInstanceOf(TeapotError);
    expect((proxy as HttpError).body).toBe("<html>Bad Gateway</html>");
    const unknown = await ctx.request({ method: "GET", path: "other", session: "none", operation: "t" }).catch((e: unknown) => e);
    expect((unknown as HttpError).status).toBe(404);
    expect(unknown).not.toBeInstanceOf(TeapotError);
  });

  it("accepts only the expected statuses when given", async () => {
    const { ctx } = context(() => ({ status: 200, body: "{}" }));
    await expect(ctx.request({ method: "PUT", path: "put", session: "none", expected: [201], operation: "t.put" })).rejects.toBeInstanceOf(HttpError);
  });
});
