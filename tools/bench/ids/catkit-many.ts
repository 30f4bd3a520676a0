// 1,000 datafiles of 1 MiB in its own process: `downloadMany` with concurrency 8, or a
// sequential loop of single `download` calls. Prints {"seconds": …, "files": …} on stdout.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { IdsClient, type DatafileRef } from "@catkit/ids";

const [infoPath, mode, directory] = process.argv.slice(2);
if (!infoPath || (mode !== "many" && mode !== "sequential") || !directory) throw new Error("usage: catkit-many.ts <info.json> many|sequential <directory>");
const info = JSON.parse(await readFile(infoPath, "utf8")) as { url: string; sessionId: string; small: DatafileRef[] };
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
