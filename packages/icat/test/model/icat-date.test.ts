import { describe, expect, it } from "vitest";
import { IcatDateFormatError, formatIcatDate, parseIcatDate } from "../../src/model/index.js";

describe("ICAT dates", () => {
  it("formats in UTC with milliseconds and Z", () => {
    expect(formatIcatDate(new Date(Date.UTC(2019, 2, 11, 14, 14, 47)))).toBe("2019-03-11T14:14:47.000Z");
    expect(formatIcatDate(new Date(Date.UTC(2001, 0, 1, 17, 59, 0, 7)))).toBe("2001-01-01T17:59:00.007Z");
  });

  it("formats at a fixed offset like a server in another zone", () => {
    const d = new Date(Date.UTC(2023, 5, 28, 12, 14, 26, 500));
    expect(formatIcatDate(d, { offsetMinutes: 120 })).toBe("2023-06-28T14:14:26.500+02:00");
    expect(formatIcatDate(d, { offsetMinutes: -330 })).toBe("2023-06-28T06:44:26.500-05:30");
    expect(formatIcatDate(new Date(Date.UTC(2000, 0, 1)), { offsetMinutes: -60 })).toBe(
      "1999-12-31T23:00:00.000-01:00",
    );
  });

  it("parses what it formats, whatever the zone", () => {
    const d = new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    for (const offsetMinutes of [0, 60, -480, 345, 840]) {
      expect(parseIcatDate(formatIcatDate(d, { offsetMinutes })).getTime()).toBe(d.getTime());
    }
  });

  it("applies the zone when parsing", () => {
    expect(parseIcatDate("2001-01-01T18:59:00.000+01:00").toISOString()).toBe("2001-01-01T17:59:00.000Z");
    expect(parseIcatDate("2001-01-01T12:59:00.000-05:00").toISOString()).toBe("2001-01-01T17:59:00.000Z");
  });

  it("handles years before 100 without mapping them to the 1900s", () => {
    const text = "0050-06-01T00:00:00.000Z";
    expect(parseIcatDate(text).getUTCFullYear()).toBe(50);
    expect(formatIcatDate(parseIcatDate(text))).toBe(text);
  });

  it.each([
    "2001-01-01T17:59:00Z", // no milliseconds: icat.server says "Badly formatted date"
    "2001-01-01T17:59:00.000", // no zone
    "2001-01-01 17:59:00.000Z",
    "2001-13-01T17:59:00.000Z",
    "2001-02-29T17:59:00.000Z",
    "2001-01-01T24:00:00.000Z",
    "2001-01-01T17:59:00.000+25:00",
    "2001-01-01T17:59:00.0000Z",
    "",
  ])("rejects %j", (text) => {
    expect(() => parseIcatDate(text)).toThrow(IcatDateFormatError);
    expect(() => parseIcatDate(text)).toThrow(/Badly formatted date/);
  });

  it("refuses to format an invalid date", () => {
    expect(() => formatIcatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
