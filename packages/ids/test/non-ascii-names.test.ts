// issue 7 item 5: a datafile whose name is not printable ASCII (日本.txt, an emoji, a newline)
// can be fetched: the sandbox sends what ids.server's container sends instead of failing with
// 500, and the client never turns header bytes into a mojibake name.
import { text } from "node:stream/consumers";
import { afterEach, describe, expect, it } from "vitest";
import { fileNameFromContentDisposition, IdsClient } from "../src/index.ts";
import { seedTutorial, startIdsSandbox, type IdsSandbox } from "../src/testing/index.ts";

let sandbox: IdsSandbox | undefined;
let ids: IdsClient | undefined;
afterEach(async () => {
  await ids?.close();
  await sandbox?.close();
  ids = undefined;
  sandbox = undefined;
});

describe("non-ASCII datafile names", () => {
  it.each(["日本.txt", "data-🧪.h5", "two\nlines.txt"])("getData of %j answers 200 with the file's bytes", async (name) => {
    sandbox = await startIdsSandbox();
    const seed = seedTutorial(sandbox.catalogue);
    const df = await sandbox.addDatafile({ datasetId: seed.dataset.id, name, content: "payload\n" });
    ids = new IdsClient({ url: sandbox.url, credential: seed.sessionId, retry: false });
    const data = await ids.getData({ datafileIds: [df.id] });
    expect(await text(data.body)).toBe("payload\n");
    // Grizzly (GlassFish/Payara) sends every non-printable-ASCII unit as a space.
    expect(data.fileName).toBe(name.replace(/[^\t\x20-\x7e]/g, " "));
  });

  it("decodes RFC 5987 filename* (UTF-8 and ISO-8859-1) before the plain form", () => {
    expect(fileNameFromContentDisposition(`attachment; filename="x.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt`)).toBe("日本.txt");
    expect(fileNameFromContentDisposition(`attachment; filename*=iso-8859-1'en'caf%E9.txt`)).toBe("café.txt");
  });

  it("keeps a plain name only when its bytes are valid UTF-8 without control characters", () => {
    // UTF-8 bytes as undici hands them over (one Latin-1 character per byte).
    const utf8AsLatin1 = Buffer.from("日本.txt", "utf8").toString("latin1");
    expect(fileNameFromContentDisposition(`attachment; filename="${utf8AsLatin1}"`)).toBe("日本.txt");
    expect(fileNameFromContentDisposition(`attachment; filename="caf\xe9.txt"`)).toBeUndefined();
    expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8''%FF%FE.txt`)).toBeUndefined();
    expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8''a%0Ab.txt`)).toBeUndefined();
  });
});
