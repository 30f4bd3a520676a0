// Plain JavaScript, as users run catkit (compiled): a .ts file would make Node load its type
// stripper, 17 MiB of resident memory that is not the client's.
// The floor for any Node client on undici: `undici.request` straight into a file with CRC32, no
// catkit (no pipeline, retry, temporary file or checks). run.ts shows it beside catkit and curl,
// so the table separates catkit's own cost from Node's and undici's.
import { closeSync, openSync, writeSync } from "node:fs";
import { crc32 } from "node:zlib";
import { Agent, request } from "undici";
import { watchLag } from "./event-loop-lag.mjs";

const [url, destination] = process.argv.slice(2);
if (!url || !destination) throw new Error("usage: raw-undici-download.mjs <url> <destination>");
const dispatcher = new Agent();
const stop = watchLag();
const started = performance.now();
const res = await request(url, { dispatcher });
const fd = openSync(destination, "w");
let crc = 0;
let bytes = 0;
for await (const chunk of res.body) {
  for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done, bytes + done);
  crc = crc32(chunk, crc);
  bytes += chunk.length;
}
closeSync(fd);
const seconds = (performance.now() - started) / 1000;
const lagMs = stop();
await dispatcher.close();
process.stdout.write(`${JSON.stringify({ seconds, bytes, checksum: (crc >>> 0).toString(16), lagMs })}\n`);
