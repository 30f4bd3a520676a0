// Plain JavaScript, as users run catkit (compiled): a .ts file would make Node load its type
// stripper, 17 MiB of resident memory that is not the client's.
// getData consumed by user code, in its own process: the pooled body (`data.read`, no buffer
// per chunk) through CRC32 into a file with core's PositionedFileWriter — what a caller streaming
// IDS data somewhere would write. Prints {"seconds", "bytes", "checksum", "lagMs"}.
import { openSync, closeSync } from "node:fs";
import { PositionedFileWriter } from "@catkit/core";
import { IdsClient } from "@catkit/ids";
import { watchLag } from "./event-loop-lag.mjs";

const [url, sessionId, datafileId, destination] = process.argv.slice(2);
if (!url || !sessionId || !datafileId || !destination) throw new Error("usage: catkit-getdata.mjs <url> <sessionId> <datafileId> <destination>");
const ids = new IdsClient({ url, credential: sessionId });
const stop = watchLag();
const started = performance.now();
const data = await ids.getData({ datafileIds: [Number(datafileId)] });
const fd = openSync(destination, "w");
const writer = new PositionedFileWriter(fd);
await data.read((chunk, lease) => writer.write(chunk, lease));
await writer.flush();
closeSync(fd);
const seconds = (performance.now() - started) / 1000;
const lagMs = stop();
await ids.close();
process.stdout.write(`${JSON.stringify({ seconds, bytes: writer.bytes, checksum: (writer.crc >>> 0).toString(16), lagMs })}\n`);
