// newParcel: a posted parcel as ICAT+ stores it — ids on the parcel and on every nested item,
// status CREATED with its history, timestamps, posted fields kept but never the server's own —
// and a typed error naming the field for a bad one.
import { CoreErrorCode, isCatkitError } from "@catkit/core";
import { describe, expect, it } from "vitest";
import { newParcel } from "../src/ingest/index.ts";

const where = { investigationId: 12, investigationName: "hg123", shipmentId: "s-1", createdBy: "db/nbour", now: new Date("2026-01-02T03:04:05.000Z") };

describe("newParcel", () => {
  it("gives ids, status and timestamps, keeps what was posted, and lets no posted field override them", () => {
    const p = newParcel({ name: "dewar", status: "SENT", _id: "mine", investigationId: 99, storageConditions: "-80", content: [{ name: "puck", type: "CONTAINER", content: [{ name: "s1", _id: "kept-id", experimentPlan: [{ key: "k", value: "v" }] }] }] }, where);
    expect(p).toMatchObject({ name: "dewar", investigationId: 12, investigationName: "hg123", shipmentId: "s-1", status: "CREATED", storageConditions: "-80",
      statuses: [{ status: "CREATED", createdAt: "2026-01-02T03:04:05.000Z", createdBy: "db/nbour" }], createdAt: "2026-01-02T03:04:05.000Z", updatedAt: "2026-01-02T03:04:05.000Z" });
    expect(p._id).toMatch(/^[0-9a-f]{24}$/);
    expect(p.id).toBe(p._id);
    expect(p.content[0]?._id).toMatch(/^[0-9a-f]{24}$/);
    expect(p.content[0]?.content?.[0]).toEqual({ name: "s1", _id: "kept-id", experimentPlan: [{ key: "k", value: "v" }] });
  });

  it.each([
    [null, "body"], [[1], "body"], [{}, "name"], [{ name: " " }, "name"], [{ name: "x", content: {} }, "content"],
    [{ name: "x", content: [1] }, "content[0]"], [{ name: "x", content: [{ name: 3 }] }, "content[0].name"],
    [{ name: "x", content: [{ content: [{ content: [{ content: [{ content: [] }] }] }] }] }, "content[0].content[0].content[0].content[0].content"],
  ])("refuses %j naming %s", (body, argument) => {
    try {
      newParcel(body, where);
      expect.unreachable();
    } catch (err) {
      expect(isCatkitError(err) && err.code).toBe(CoreErrorCode.InvalidArgument);
      expect((err as { argument?: string }).argument).toBe(argument);
    }
  });
});
