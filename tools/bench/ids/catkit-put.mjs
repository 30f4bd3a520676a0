// Plain JavaScript, as users run catkit (compiled): a .ts file would make Node load its type
// stripper, 17 MiB of resident memory that is not the client's.
// One catkit upload in its own process (measured with /usr/bin/time -v by run.ts). Prints
// {"seconds", "id", "size", "checksum", "lagMs"} on stdout.
import { IdsClient } from "@catkit/ids";
import { watchLag } from "./event-loop-lag.mjs";

const [url, sessionId, datasetId, datafileFormatId, source, name] = process.argv.slice(2);
if (!url || !sessionId || !datasetId || !datafileFormatId || !source || !name) {
  throw new Error("usage: catkit-put.mjs <url> <sessionId> <datasetId> <datafileFormatId> <source> <name>");
}
const ids = new IdsClient({ url, credential: sessionId });
const stop = watchLag();
const started = performance.now();
const result = await ids.put(source, { name, datasetId, datafileFormatId });
const seconds = (performance.now() - started) / 1000;
const lagMs = stop();
await ids.close();
process.stdout.write(`${JSON.stringify({ seconds, id: result.id, size: result.size, checksum: result.checksum, lagMs })}\n`);
