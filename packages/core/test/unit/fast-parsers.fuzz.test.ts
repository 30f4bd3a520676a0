// Property and fuzz tests of the fast path's own HTTP/1.1 parsing (fast-transport.ts says why it
// exists): the chunked decoder against an encoder over random bodies, chunk sizes, extensions,
// trailers and read boundaries; both parsers against random bytes (they may only accept or
// refuse, never crash or loop); the head parser against random well-formed heads.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChunkedDecoder, ChunkedFramingError } from "../../src/transport/fast/chunked-decoder.ts";
import { bodyFraming } from "../../src/transport/fast/body-framing.ts";
import { headEnd, parseResponseHead } from "../../src/transport/fast/response-head.ts";
import { UnusualResponse } from "../../src/transport/fast/unusual-response.ts";

const RUNS = { numRuns: 300 };

function encodeChunked(body: Uint8Array, sizes: number[], extension: string, trailers: string[]): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < body.length; i++) {
    const size = Math.max(1, Math.min(sizes[i % Math.max(1, sizes.length)] ?? 1, body.length - at));
    parts.push(Buffer.from(`${size.toString(16)}${extension}\r\n`), Buffer.from(body.subarray(at, at + size)), Buffer.from("\r\n"));
    at += size;
  }
  parts.push(Buffer.from(`0${extension}\r\n${trailers.map((t) => `${t}\r\n`).join("")}\r\n`));
  return Buffer.concat(parts);
}

/** Feeds `wire` to a decoder in reads cut at `cuts`; returns the body and where decoding stopped. */
function decode(wire: Buffer, cuts: number[]): { body: Buffer; consumed: number; done: boolean } {
  const decoder = new ChunkedDecoder();
  const out: Buffer[] = [];
  const bounds = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
  let start = 0;
  let consumed = 0;
  for (const end of [...bounds, wire.length]) {
    let pos = start;
    while (pos < end && !decoder.done) {
      const next = decoder.feed(wire, pos, end);
      expect(next).toBeGreaterThan(pos); // always progresses
      expect(decoder.dataStart).toBeGreaterThanOrEqual(pos);
      expect(decoder.dataEnd).toBeLessThanOrEqual(end);
      if (decoder.dataEnd > decoder.dataStart) out.push(wire.subarray(decoder.dataStart, decoder.dataEnd));
      pos = next;
    }
    consumed = pos;
    if (decoder.done) break;
    start = end;
  }
  return { body: Buffer.concat(out), consumed, done: decoder.done };
}

const token = fc.stringMatching(/^[a-zA-Z0-9!#$%&'*+.^_`|~-]{1,12}$/);
const fieldValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);

describe("chunked decoder", () => {
  it("decodes what an encoder wrote, whatever the chunk sizes, extensions, trailers and read boundaries", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("", ";a=1", ";name=\"quoted value\"", " ;x"),
        fc.array(fc.tuple(token, fieldValue).map(([n, v]) => `${n}: ${v}`), { maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (body, sizes, extension, trailers, cuts) => {
          const wire = encodeChunked(body, sizes, extension, trailers);
          const trailing = Buffer.concat([wire, Buffer.from("HTTP/1.1 200 OK\r\n")]);
          const decoded = decode(trailing, cuts);
          expect(decoded.done).toBe(true);
          expect(decoded.consumed).toBe(wire.length); // stops exactly at the end of the body
          expect(decoded.body.equals(Buffer.from(body))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("accepts or refuses random bytes, never anything else", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.stringMatching(/^[0-9a-fA-F;= \r\nxz:]{0,200}$/).map((s) => Buffer.from(s))), fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        try {
          decode(Buffer.from(bytes), cuts);
        } catch (err) {
          expect(err).toBeInstanceOf(ChunkedFramingError);
        }
      }),
      RUNS,
    );
  });

  it("refuses sizes past 2^52, over-long size lines and trailers", () => {
    expect(() => decode(Buffer.from("fffffffffffffff\r\n"), [])).toThrow(ChunkedFramingError);
    expect(() => decode(Buffer.from(`1;${"x".repeat(5000)}\r\n`), [])).toThrow(ChunkedFramingError);
    expect(() => decode(Buffer.from(`0\r\n${"x: y\r\n".repeat(4000)}\r\n`), [])).toThrow(ChunkedFramingError);
    expect(() => decode(Buffer.from("3\r\nabcX\r\n"), [])).toThrow(ChunkedFramingError);
  });
});

describe("response head parser", () => {
  it("reads random well-formed heads: status, lower-cased names, repeated fields as arrays", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.constantFrom("0", "1"),
        fc.constantFrom("", " OK", " Partial Content", " "),
        fc.array(fc.tuple(token, fc.oneof(fieldValue, fc.constant(""))), { maxLength: 12 }),
        (status, minor, reason, fields) => {
          const text = `HTTP/1.${minor} ${status}${reason}\r\n${fields.map(([n, v]) => `${n}:  ${v} \r\n`).join("")}\r\n`;
          const bytes = Buffer.from(text, "latin1");
          expect(headEnd(bytes)).toBe(bytes.length);
          const head = parseResponseHead(text.slice(0, -4));
          expect(head.status).toBe(status);
          expect(head.minorVersion).toBe(Number(minor));
          // Null-prototype, as the parser's: a field named __proto__ is a field like any other.
          const expected = Object.create(null) as Record<string, string | string[]>;
          for (const [n, v] of fields) {
            const name = n.toLowerCase();
            const seen = expected[name];
            expected[name] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
          }
          expect(Object.entries(head.headers)).toEqual(Object.entries(expected));
        },
      ),
      RUNS,
    );
  });

  it("accepts or hands to undici random bytes, never anything else", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.stringMatching(/^HTTP\/1\.[0-9] [0-9]{3}[ -~\t\r\n:]{0,200}$/)), (text) => {
        try {
          const head = parseResponseHead(text);
          expect(head.status).toBeGreaterThanOrEqual(100);
          bodyFraming("GET", head);
        } catch (err) {
          expect(err).toBeInstanceOf(UnusualResponse);
        }
      }),
      RUNS,
    );
  });

  it("hands obsolete line folding, other codings and conflicting lengths to undici", () => {
    expect(() => parseResponseHead("HTTP/1.1 200 OK\r\nx-a: 1\r\n  folded")).toThrow(UnusualResponse);
    expect(() => parseResponseHead("HTTP/2 200")).toThrow(UnusualResponse);
    expect(() => bodyFraming("GET", parseResponseHead("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip"))).toThrow(UnusualResponse);
    expect(() => bodyFraming("GET", parseResponseHead("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6"))).toThrow(UnusualResponse);
    expect(bodyFraming("GET", parseResponseHead("HTTP/1.1 200 OK\r\nContent-Length: 5, 5"))).toEqual({ kind: "length", length: 5 });
    expect(bodyFraming("HEAD", parseResponseHead("HTTP/1.1 200 OK\r\nContent-Length: 5"))).toEqual({ kind: "none" });
  });
});
