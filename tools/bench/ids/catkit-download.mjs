// Plain JavaScript, as users run catkit (compiled): a .ts file would make Node load its type
// stripper, 17 MiB of resident memory that is not the client's.
// One catkit download in its own process (measured with /usr/bin/time -v by run.ts). Prints
// {"seconds", "bytes", "checksum", "lagMs"} on stdout; lagMs is the worst event-loop delay.
import { IdsClient } from "@catkit/ids";
import { watchLag } from "./event-loop-lag.mjs";

const [url, sessionId, datafileId, destination, checksum] = process.argv.slice(2);
if (!url || !sessionId || !datafileId || !destination) throw new Error("usage: catkit-download.mjs <url> <sessionId> <datafileId> <destination> [checksum]");
const ids = new IdsClient({ url, credential: sessionId });
const stop = watchLag();
const started = performance.now();
const result = await ids.download({ datafileIds: [Number(datafileId)] }, destination, checksum ? { checksum } : {});
const seconds = (performance.now() - started) / 1000;
const lagMs = stop();
await ids.close();
process.stdout.write(`${JSON.stringify({ seconds, bytes: result.size, checksum: result.checksum, lagMs })}\n`);
