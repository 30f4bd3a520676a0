// Plain JavaScript, as users run catkit (compiled): a .ts file would make Node load its type
// stripper, 17 MiB of resident memory that is not the client's.
// The floor of a Node upload on this machine, without catkit: the file read with asynchronous
// positioned reads on the thread pool into a ring of reused buffers (as core's fileChunks), each
// chunk written to a node:net socket as soon as it is read, the next read waiting only for the
// socket to take the chunk whose buffer it refills; with `crc` as the last argument the CRC32 of
// each chunk (@node-rs/crc32, loaded as catkit loads it) is computed on the main thread between read and write.
// Only enough HTTP to send the head and read the answer; no checks. run.ts shows it beside catkit
// and curl -T: what is left between catkit and this column is catkit's cost; what is left between
// this column and a goal is the machine's. Prints {"seconds", "bytes", "crc32", "lagMs"}.
import { closeSync, openSync, read, statSync } from "node:fs";
import { connect } from "node:net";
import { nativeCrc32 } from "@catkit/core/internal";
import { watchLag } from "./event-loop-lag.mjs";

const [url, source, chunkArg, crcArg] = process.argv.slice(2);
if (!url || !source) throw new Error("usage: floor-put.mjs <put url with query> <source> [chunk bytes] [crc]");
const CHUNK = Number(chunkArg ?? 256 * 1024);
const RING = 4;
// @node-rs/crc32 itself, as catkit loads it (core depends on it; tools does not).
const crc32 = crcArg === "crc" ? nativeCrc32() : undefined;
if (crcArg === "crc" && !crc32) throw new Error("@node-rs/crc32 did not load");
const target = new URL(url);
const size = statSync(source).size;
const fd = openSync(source, "r");
const stop = watchLag();
const started = performance.now();
const socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true });
await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
const answer = [];
socket.on("data", (chunk) => answer.push(chunk));
const ended = new Promise((resolve) => socket.once("end", resolve));
socket.write(`PUT ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n`);

const buffers = Array.from({ length: RING }, () => Buffer.allocUnsafeSlow(CHUNK));
const taken = []; // per chunk in flight: resolves once the socket has taken it
let crc = 0;
for (let i = 0, position = 0; position < size; i++) {
  const buffer = buffers[i % RING];
  const n = await new Promise((resolve, reject) => read(fd, buffer, 0, CHUNK, position, (err, count) => (err ? reject(err) : resolve(count))));
  if (n === 0) break;
  position += n;
  const chunk = buffer.subarray(0, n);
  if (crc32) crc = crc32(chunk, crc);
  taken.push(new Promise((resolve) => socket.write(chunk, resolve)));
  while (taken.length >= RING - 1) await taken.shift();
}
await Promise.all(taken);
await ended;
closeSync(fd);
const seconds = (performance.now() - started) / 1000;
const text = Buffer.concat(answer).toString("latin1");
if (!/^HTTP\/1\.1 20[01]/.test(text)) throw new Error(`IDS answered ${text.slice(0, 200)}`);
const body = JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4));
if (crc32 && body.checksum !== crc >>> 0) throw new Error(`IDS stored CRC32 ${body.checksum}, the floor sent ${crc >>> 0}`);
process.stdout.write(`${JSON.stringify({ seconds, id: body.id, bytes: size, crc32: crc32 ? crc >>> 0 : undefined, lagMs: stop() })}\n`);
socket.destroy();
