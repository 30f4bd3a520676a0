import { describe, expect, it } from "vitest";
import { parseRows } from "../../src/entities/parse-rows.js";
import { WireDateReader } from "../../src/entities/wire-date.js";

describe("WireDateReader", () => {
  it("reads ICAT dates, a new Date each time, remembering only within one reader", () => {
    const a = new WireDateReader();
    const first = a.read("2023-06-28T14:14:26.000+02:00");
    if (first === undefined) throw new Error("not read");
    const again = a.read("2023-06-28T14:14:26.000+02:00");
    expect(first.toISOString()).toBe("2023-06-28T12:14:26.000Z");
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // Another reader (another answer) never sees a's last text.
    expect(new WireDateReader().read("2023-06-28T14:14:26.000Z")?.toISOString()).toBe("2023-06-28T14:14:26.000Z");
    expect(a.read("2023-06-28T14:14:26.000Z")?.toISOString()).toBe("2023-06-28T14:14:26.000Z");
  });

  it("answers undefined for text that is not an ICAT date, even right after a good one", () => {
    const dates = new WireDateReader();
    dates.read("2023-06-28T14:14:26.000Z");
    expect(dates.read("2023-06-28T14:14:26Z")).toBeUndefined();
    expect(dates.read("2023-13-28T14:14:26.000Z")).toBeUndefined();
    expect(dates.read("2023-06-28T14:14:26.000Z")?.toISOString()).toBe("2023-06-28T14:14:26.000Z");
  });

  it("reports a bad date in a row with the field and parseIcatDate's message", () => {
    expect(() => parseRows([{ Dataset: { id: 1, startDate: "2023-06-28T14:14:26Z" } }], ["entity"])).toThrow(
      /\[0\]\.Dataset\.startDate: Badly formatted date "2023-06-28T14:14:26Z"/,
    );
    expect(() => parseRows([["x", "2023-06-28T14:14:26Z"]], ["value", "date"])).toThrow(/\[0\]\[1\]: Badly formatted date/);
  });

  it("keeps no state between answers: concurrent pages read their own dates", () => {
    const page = (t: string) => parseRows([{ Dataset: { id: 1, createTime: t, modTime: t } }], ["entity"]) as { createTime: Date; modTime: Date }[];
    const [x] = page("2020-01-01T00:00:00.000Z");
    const [y] = page("2021-01-01T00:00:00.000Z");
    expect([x?.createTime.getUTCFullYear(), x?.modTime.getUTCFullYear(), y?.createTime.getUTCFullYear(), y?.modTime.getUTCFullYear()]).toEqual([2020, 2020, 2021, 2021]);
  });
});
