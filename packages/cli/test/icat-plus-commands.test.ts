// catkit icat-plus … end to end: the built bin against the ICAT+ sandbox (real HTTP) over the ICAT
// sandbox; the outbox against a closed loopback port.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { startIcatPlusSandbox, type IcatPlusSandbox } from "@catkit/icat-plus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCli, tempDir } from "./helpers.js";

let icat: IcatAndIdsSandbox;
let icatPlus: IcatPlusSandbox;
const tmp = tempDir();
const outbox = join(tmp.dir, "outbox");
const cli = (args: string[], extra: Record<string, string> = {}) =>
  runCli(["icat-plus", ...args], { env: { HOME: tmp.dir, CATKIT_ICATPLUS_ELOGBOOK_URL: icatPlus.url, CATKIT_ICATPLUS_OUTBOX_DIR: outbox, ...extra } });
const EDDI = ["--beamline", "EDDI", "--proposal", "12100409-ST", "--date", "2012-07-30"];

beforeAll(async () => {
  icat = await startIcatAndIdsSandbox({ fixture: tutorialFixture });
  icatPlus = await startIcatPlusSandbox({ icat: icat.icat });
});
afterAll(async () => {
  await icatPlus.close();
  await icat.close();
  tmp.cleanup();
});

describe("catkit icat-plus investigation | datasets", () => {
  it("prints pyicat-plus's investigation table, or the normalised JSON", async () => {
    const text = await cli(["investigation", ...EDDI]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^ICAT proposal time slot:\n proposal +12100409-ST/);
    const json = await cli(["info", ...EDDI, "--no-open-ended"], {});
    expect(json.code).toBe(0);
    const [info] = jsonLines((await runCli(["--json", "icat-plus", "info", ...EDDI], { env: { HOME: tmp.dir, CATKIT_ICATPLUS_ELOGBOOK_URL: icatPlus.url } })).stdout) as [Record<string, unknown>];
    expect(info).toMatchObject({ proposal: "12100409-ST", beamline: "EDDI", startDate: "2012-07-26T15:44:24.000Z", endDate: "2012-08-06T01:10:08.000Z" });
    expect(info["data portal"]).toBe(`https://data.esrf.fr/investigation/${String(info.id)}/datasets`);
    expect(icatPlus.requests.some((r) => r.url.includes("/dataacquisition/") && r.url.includes("investigationName=12100409-ST"))).toBe(true);
  });

  it("lists the registered datasets as a table or JSON lines", async () => {
    const table = await cli(["datasets", ...EDDI]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^ID\s+NAME\s+FILES\s+PATH/);
    const rows = jsonLines((await runCli(["--json", "icat-plus", "datasets", ...EDDI], { env: { HOME: tmp.dir, CATKIT_ICATPLUS_ELOGBOOK_URL: icatPlus.url } })).stdout) as { name: string; files: number }[];
    expect(rows.map((r) => r.name).sort()).toEqual(["e201215", "e201216"]);
  });

  it("exit 3 when no investigation matches, 2 without a URL or with a bad date, 6 when ICAT+ does not answer", async () => {
    const none = await cli(["investigation", "--beamline", "EDDI", "--proposal", "nope"]);
    expect([none.code, none.stderr]).toEqual([3, "error: [ICATPLUS_NOT_FOUND] no investigation nope on EDDI in ICAT+\n"]);
    const noUrl = await runCli(["icat-plus", "investigation", "--beamline", "b", "--proposal", "p"], { env: { HOME: tmp.dir } });
    expect([noUrl.code, noUrl.stderr]).toEqual([2, expect.stringContaining("no ICAT+ URL") as unknown]);
    const badDate = await cli(["investigation", "--beamline", "b", "--proposal", "p", "--date", "30/07/2012"]);
    expect([badDate.code, badDate.stderr]).toEqual([2, expect.stringContaining("--date must be YYYY-MM-DD") as unknown]);
    const down = await cli(["investigation", "--beamline", "b", "--proposal", "p"], { CATKIT_ICATPLUS_ELOGBOOK_URL: "http://127.0.0.1:9" });
    expect([down.code, down.stderr]).toEqual([6, expect.stringContaining("ICAT+ did not answer") as unknown]);
  });
});

describe("catkit icat-plus elog", () => {
  it("send posts pyicat-plus's message JSON with tags and category; image posts base64", async () => {
    const before = icatPlus.events.length;
    const sent = await cli(["elog", "send", "--beamline", "EDDI", "--proposal", "12100409-ST", "--tag", "align", "--tag", "beam", "--category", "info", "Beam", "is", "back"]);
    expect([sent.code, sent.stdout]).toEqual([0, "message: posted to ICAT+\n"]);
    const png = join(tmp.dir, "scan.png");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const image = await runCli(["--json", "icat-plus", "elog", "image", "--beamline", "EDDI", "--beamline-only", png], { env: { HOME: tmp.dir, CATKIT_ICATPLUS_ELOGBOOK_URL: icatPlus.url } });
    expect(image.code, image.stderr).toBe(0);
    expect(jsonLines(image.stdout)).toEqual([expect.objectContaining({ outcome: "sent", lane: "elogbook" })]);
    const [text, picture] = icatPlus.events.slice(before) as unknown as [{ body: Record<string, unknown> }, { body: Record<string, unknown> }];
    expect(text.body).toMatchObject({ type: "notification", category: "info", content: [{ format: "plainText", text: "Beam is back" }], tag: [{ name: "align" }, { name: "beam" }] });
    expect(picture.body.base64).toBe(`data:image/png;base64,${readFileSync(png).toString("base64")}`);
    expect(icatPlus.requests.filter((r) => r.url.includes("/base64?")).at(-1)?.url).not.toContain("investigationName");
  });

  it("usage errors (exit 2, nothing sent): no e-logbook named, empty message, missing file, unknown category", async () => {
    const before = icatPlus.requests.length;
    expect((await cli(["elog", "send", "hello"])).code).toBe(2);
    expect((await cli(["elog", "send", "--proposal", "p", " "])).code).toBe(2);
    expect((await cli(["elog", "image", "--proposal", "p", join(tmp.dir, "missing.png")])).code).toBe(2);
    expect((await cli(["elog", "send", "--proposal", "p", "--category", "shout", "x"])).code).toBe(2);
    expect(icatPlus.requests.length).toBe(before);
  });

  it("keeps a post ICAT+ does not confirm in the outbox (exit 0, said on stderr); outbox status/flush report it", async () => {
    const down = { CATKIT_ICATPLUS_ELOGBOOK_URL: "http://127.0.0.1:9" };
    const kept = await cli(["elog", "send", "--beamline", "EDDI", "--proposal", "12100409-ST", "while ICAT+ is down"], down);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toContain("kept in the outbox");
    const status = await runCli(["--json", "icat-plus", "outbox", "status"], { env: { HOME: tmp.dir, CATKIT_ICATPLUS_OUTBOX_DIR: outbox } });
    expect(jsonLines(status.stdout)).toEqual([expect.objectContaining({ depth: 1, dir: outbox })]);
    const stillDown = await cli(["outbox", "flush"], down);
    expect([stillDown.code, stillDown.stdout]).toEqual([6, expect.stringContaining("0 delivered, 1 left") as unknown]);
    const before = icatPlus.events.length;
    const flushed = await cli(["outbox", "flush"]);
    expect([flushed.code, flushed.stdout]).toEqual([0, "1 delivered, 0 left\n"]);
    expect(icatPlus.events.slice(before).map((e) => (e as unknown as { body: { content: { text: string }[] } }).body.content[0]?.text)).toEqual(["while ICAT+ is down"]);
  });
});
