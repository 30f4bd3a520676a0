// Plain JavaScript, as users run catkit (compiled): a .ts file would make Node load its type
// stripper, 17 MiB of resident memory that is not the client's.
// 1,000 datafiles of 1 MiB in its own process: `downloadMany` with concurrency 8, or a
// sequential loop of single `download` calls. Prints {"seconds": …, "files": …} on stdout.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { IdsClient } from "@catkit/ids";

const [infoPath, mode, directory] = process.argv.slice(2);
if (!infoPath || (mode !== "many" && mode !== "sequential") || !directory) throw new Error("usage: catkit-many.mjs <info.json> many|sequential <directory>");
/** @type {{ url: string; sessionId: string; small: import("@catkit/ids").DatafileRef[] }} */
const info = JSON.parse(await readFile(infoPath, "utf8"));
const ids = new IdsClient({ url: info.url, credential: info.sessionId });
await mkdir(directory, { recursive: true });
const started = performance.now();
if (mode === "many") {
  await ids.downloadMany(info.small, directory, { concurrency: 8 });
} else {
  for (const df of info.small) {
    await ids.download({ datafileIds: [df.id] }, join(directory, df.name), {
      ...(typeof df.fileSize === "number" ? { expectedSize: df.fileSize } : {}),
      ...(df.checksum ? { checksum: df.checksum } : {}),
    });
  }
}
const seconds = (performance.now() - started) / 1000;
await ids.close();
process.stdout.write(`${JSON.stringify({ seconds, files: info.small.length })}\n`);
