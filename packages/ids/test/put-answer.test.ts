// put's answer is checked by hand (no zod on the upload path, issue 11): a well-formed answer
// passes through, anything else is a ResponseValidationError naming each wrong field.
import { ResponseValidationError } from "@catkit/core";
import { describe, expect, it } from "vitest";
import { checkPutAnswer } from "../src/transfer/put-answer.ts";

const what = "PUT http://ids/ids/put?sessionId=[REDACTED]";

describe("checkPutAnswer", () => {
  it("returns IDS's answer", () => {
    expect(checkPutAnswer({ id: 12, checksum: 3203726451, location: "1/2/uuid", size: 12, extra: true }, what)).toEqual({ id: 12, checksum: 3203726451, location: "1/2/uuid", size: 12 });
  });

  it("rejects a body of another shape, naming every wrong field", () => {
    const bad = () => checkPutAnswer({ id: "12", checksum: -1, size: 1.5 }, what);
    expect(bad).toThrow(ResponseValidationError);
    try {
      bad();
    } catch (err) {
      expect((err as ResponseValidationError).issues).toEqual([
        'id: expected an integer ≥ -9007199254740991, got "12"',
        "checksum: expected an integer ≥ 0, got -1",
        "size: expected an integer ≥ 0, got 1.5",
        "location: expected a string, got undefined",
      ]);
      expect((err as Error).message).toContain(what);
    }
  });

  it("rejects what is not an object (a proxy's page parsed as a JSON string)", () => {
    expect(() => checkPutAnswer("<html>", what)).toThrow(/expected an object/);
    expect(() => checkPutAnswer(null, what)).toThrow(ResponseValidationError);
  });
});
