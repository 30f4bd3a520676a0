// A pooled body over a Readable (undici's bodies, a request body a sandbox stores): every chunk
// in order, a handler's promise pausing the stream, and a stream that closes before its end
// (a client gone) rejecting instead of leaving the reader waiting forever.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { pooledFromReadable } from "../../src/internal.ts";

describe("pooledFromReadable", () => {
  it("hands over every chunk in order, waiting for a handler's promise", async () => {
    const seen: string[] = [];
    let busy = false;
    await pooledFromReadable(Readable.from(["a", "b", "c"].map((s) => Buffer.from(s)))).read(async (chunk) => {
      expect(busy).toBe(false);
      busy = true;
      await new Promise((r) => setImmediate(r));
      seen.push(chunk.toString());
      busy = false;
    });
    expect(seen).toEqual(["a", "b", "c"]);
  });

  it("rejects when the stream is destroyed before its end without an error", async () => {
    const stream = new Readable({ read() {} });
    const reading = pooledFromReadable(stream).read(() => {});
    stream.push(Buffer.from("part"));
    setImmediate(() => stream.destroy());
    await expect(reading).rejects.toMatchObject({ code: "ERR_STREAM_PREMATURE_CLOSE" });
  });

  it("rejects with the stream's error", async () => {
    const stream = new Readable({ read() {} });
    const reading = pooledFromReadable(stream).read(() => {});
    setImmediate(() => stream.destroy(new Error("boom")));
    await expect(reading).rejects.toThrow("boom");
  });
});
