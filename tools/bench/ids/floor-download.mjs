// Plain JavaScript, as users run catkit (compiled): a .ts file would make Node load its type
// stripper, 17 MiB of resident memory that is not the client's.
// The floor of a Node download on this machine, without catkit: a node:net socket reading into
// a ring of 1 MiB blocks (the `onread` option, as core's fast path), each filled block written
// with one asynchronous positioned write on the thread pool (two at most in flight, as core's
// PositionedFileWriter), no CRC32, no checks, no temporary file, only enough HTTP to find the
// body. With `crc` as the last argument it also computes the CRC32 of each read as it lands
// (@node-rs/crc32, loaded as catkit loads it), the cheapest place for it: the floor of a download
// that verifies its checksum, as catkit's does. run.ts shows it beside catkit, curl and
// python-icat: what is left between catkit and this column is catkit's cost; what is left between
// this column and a goal is the machine's. Prints {"seconds", "bytes", "crc32", "lagMs"}.
import { closeSync, openSync, write } from "node:fs";
import { connect } from "node:net";
import { nativeCrc32 } from "@catkit/core/internal";
import { watchLag } from "./event-loop-lag.mjs";

const [url, destination, crcArg] = process.argv.slice(2);
if (!url || !destination) throw new Error("usage: floor-download.mjs <url> <destination> [crc]");
const crc32 = crcArg === "crc" ? nativeCrc32() : undefined;
if (crcArg === "crc" && !crc32) throw new Error("@node-rs/crc32 did not load");
let crc = 0;
const BLOCK = 1024 * 1024;
const RESERVE = 16 * 1024; // where a read goes while the socket is paused (onread asks for one anyway)
const MIN_READ = 64 * 1024;
const target = new URL(url);
const fd = openSync(destination, "w");
const stop = watchLag();
const started = performance.now();
const blocks = Array.from({ length: 3 }, () => ({ bytes: Buffer.allocUnsafeSlow(BLOCK), fill: 0, busy: false }));
let current = 0;
let position = 0;
let total = -1;
let bodyStart = -1; // offset of the body in block 0, once the head is complete
let inFlight = 0;
let paused = false;
let ended = false;
let socket;

const finish = () => {
  closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, bytes: position, crc32: crc32 ? crc >>> 0 : undefined, lagMs: stop() })}\n`);
  socket.destroy();
};
const free = (i) => !blocks[i].busy;
// Writes block `i` from `from` to its fill; the block is free again once the write is done.
const flush = (i, from) => {
  const block = blocks[i];
  const length = block.fill - from;
  block.busy = true;
  inFlight++;
  const at = position;
  position += length;
  write(fd, block.bytes, from, length, at, (err, written) => {
    if (err || written !== length) throw err ?? new Error("short write");
    block.busy = false;
    inFlight--;
    if (position === total && inFlight === 0) return finish();
    if (paused && free((current + 1) % blocks.length)) {
      paused = false;
      socket.resume();
    }
  });
};
const region = () => {
  const block = blocks[current];
  if (ended) return block.bytes.subarray(0, RESERVE); // asked once more after the last read
  if (BLOCK - RESERVE - block.fill >= MIN_READ) return block.bytes.subarray(block.fill, BLOCK - RESERVE);
  const next = (current + 1) % blocks.length;
  if (!free(next)) return block.bytes.subarray(block.fill); // paused: the parked read
  flush(current, current === 0 && bodyStart >= 0 && position === 0 ? bodyStart : 0);
  current = next;
  blocks[next].fill = 0;
  return blocks[next].bytes.subarray(0, BLOCK - RESERVE);
};
socket = connect({
  host: target.hostname,
  port: Number(target.port),
  onread: {
    buffer: region,
    callback: (n) => {
      const block = blocks[current];
      const from = block.fill;
      block.fill += n;
      if (bodyStart < 0) {
        const head = block.bytes.subarray(0, block.fill).toString("latin1");
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return true;
        total = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
        bodyStart = end + 4;
        blocks[0].fill = block.fill; // the head stays at the start of block 0 and is skipped
      }
      if (crc32) crc = crc32(block.bytes.subarray(current === 0 && position === 0 ? Math.max(from, bodyStart) : from, block.fill), crc);
      const received = position + block.fill - (current === 0 && position === 0 ? bodyStart : 0);
      if (received >= total) {
        ended = true;
        flush(current, current === 0 && position === 0 ? bodyStart : 0);
        return false;
      }
      if (BLOCK - RESERVE - block.fill < MIN_READ && !free((current + 1) % blocks.length)) {
        paused = true;
        return false;
      }
      return true;
    },
  },
});
socket.on("connect", () => socket.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\n\r\n`));
