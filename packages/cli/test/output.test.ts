import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { Output } from "../src/runtime/output.js";

function streams(tty: boolean) {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: tty, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  return { stdout, stderr, text: () => ({ out, err }) };
}

describe("Output", () => {
  it("tables on stdout, or one JSON line per row with --json; logs on stderr, silenced by --quiet", () => {
    const s = streams(false);
    const out = new Output({ stdout: s.stdout, stderr: s.stderr });
    out.table([{ id: 1, name: "ds1" }, { id: 22, name: "a b" }], [{ key: "id" }, { key: "name" }]);
    out.log("progress line");
    expect(s.text()).toEqual({ out: "ID  NAME\n1   ds1\n22  a b\n", err: "progress line\n" });
    const j = streams(false);
    const json = new Output({ json: true, quiet: true, stdout: j.stdout, stderr: j.stderr });
    json.table([{ id: 1 }, { id: 2 }], [{ key: "id" }]);
    json.data({ ok: true }, "ignored text");
    json.log("hidden");
    json.error("shown");
    expect(j.text()).toEqual({ out: '{"id":1}\n{"id":2}\n{"ok":true}\n', err: "error: shown\n" });
  });

  it("draws a progress bar on stderr only when stderr is a terminal", async () => {
    const tty = streams(true);
    const bar = await new Output({ stdout: tty.stdout, stderr: tty.stderr }).progress("download");
    bar.update(50, 100, "f.txt");
    bar.update(100, 100, "f.txt");
    bar.stop();
    expect(tty.text().err).toContain("download [");
    expect(tty.text().out).toBe("");
    const pipe = streams(false);
    const none = await new Output({ stdout: pipe.stdout, stderr: pipe.stderr }).progress("download");
    none.update(50, 100);
    none.stop();
    expect(pipe.text()).toEqual({ out: "", err: "" });
  });
});
