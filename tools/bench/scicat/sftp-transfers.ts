// `npm run bench scicat` part 1: SFTP download and upload of many files from a real OpenSSH server
// (tools/sshd) — catkit's `ScicatClient.downloadFiles` through SftpFileTransfer (blake2b
// verified, temp file + rename) against OpenSSH's own `sftp -b` batch (`get -r`, no
// verification); then uploads (catkit hashing while sending) against `put -r`. Same server,
// same files, alternating rounds, median. Goal: downloads ≥ 0.8× the throughput of sftp. CPU seconds (client + sshd side, Linux /proc) are reported too: on a
// shared machine they vary far less than wall time.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checksumOfFile, Dataset, ScicatClient, SftpFileTransfer, type File } from "@catkit/scicat";
import { startSshd } from "../../sshd/start.ts";
import { median, type Row } from "../shared/table.ts";
import { floorTransfer } from "./sftp-floor.ts";
import { ssh2NativeCrypto } from "./ssh2-native.ts";

const FILES = Number(process.env.BENCH_FILES ?? 200);
const MIB = Number(process.env.BENCH_FILE_MIB ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Also time raw ssh2 with catkit's settings, no catkit code (sftp-floor.ts). */
const FLOOR = process.env.BENCH_FLOOR === "1";

/** CPU seconds (user + system) of the reaped children of `pid`, from /proc; NaN elsewhere. */
function childCpuSeconds(pid: number | "self"): number {
  try {
    const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}

interface Measure {
  s: number;
  cpu: number;
}

interface Round {
  catkit: Measure;
  sftp: Measure;
  floor?: Measure;
}

/** Runs the SFTP comparison and returns its table rows. */
export async function benchSftp(log: (line: string) => void): Promise<Row[]> {
  const sshd = await startSshd({ log });
  try {
    const remote = join(sshd.dir, "data", "bench");
    mkdirSync(remote, { recursive: true });
    const files: File[] = [];
    const block = randomBytes(MIB * 1024 * 1024);
    for (let i = 0; i < FILES; i++) {
      const name = `file_${String(i).padStart(4, "0")}.bin`;
      block.writeUInt32LE(i, 0); // distinct contents, distinct checksums
      writeFileSync(join(remote, name), block);
      files.push({ remotePath: name, size: block.length, checksum: await checksumOfFile(join(remote, name), "blake2b"), checksumAlgorithm: "blake2b" });
    }
    const dataset = new Dataset({ type: "raw", pid: "bench/1", sourceFolder: remote, origDatablocks: [{ checksumAlgorithm: "blake2b", files }] });
    const transfer = new SftpFileTransfer({ host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey, hostKey: sshd.hostKey });
    const client = ScicatClient.withoutLogin({ url: "http://127.0.0.1:9/api", fileTransfer: transfer });
    const target = join(sshd.dir, "local");
    const totalMiB = FILES * MIB;

    // Upload: the same files from the local copy into a fresh remote folder each round.
    const local = join(sshd.dir, "upload-source");
    mkdirSync(local, { recursive: true });
    for (const f of files) writeFileSync(join(local, f.remotePath), readFileSync(join(remote, f.remotePath)));
    const toUpload: File[] = files.map((f) => ({ remotePath: f.remotePath, size: f.size, localPath: join(local, f.remotePath) }));
    const uploadRoot = join(sshd.dir, "data", "up");
    const fresh = () => {
      rmSync(uploadRoot, { recursive: true, force: true });
      mkdirSync(uploadRoot, { recursive: true });
      return join(uploadRoot, "bench");
    };

    const download = await compare(
      async () => {
        rmSync(target, { recursive: true, force: true });
        await client.downloadFiles(dataset, { target, force: true, concurrency: 8 });
      },
      () => {
        rmSync(target, { recursive: true, force: true });
        mkdirSync(target, { recursive: true });
        return `get -r ${remote} ${target}\n`;
      },
      async () => {
        rmSync(target, { recursive: true, force: true });
        mkdirSync(target, { recursive: true });
        await floorTransfer(sshd, "get", files.map((f) => ({ from: join(remote, f.remotePath), to: join(target, f.remotePath), size: f.size })));
      },
    );
    const upload = await compare(
      async () => {
        const into = fresh();
        const connection = await transfer.connectForUpload(new Dataset({ type: "raw", pid: "bench/2", sourceFolder: into }));
        await connection.upload(toUpload, { concurrency: 8 });
        await connection.close();
      },
      () => `put -r ${local} ${fresh()}\n`,
      async () => {
        const into = fresh();
        mkdirSync(into);
        await floorTransfer(sshd, "put", files.map((f) => ({ from: join(local, f.remotePath), to: join(into, f.remotePath), size: f.size })));
      },
    );
    rmSync(target, { recursive: true, force: true });
    const native = ssh2NativeCrypto();
    const row = (what: string, r: Round[], reference: string): Row => {
      const [ca, ob] = [median(r.map((x) => x.catkit.s)), median(r.map((x) => x.sftp.s))];
      const floor = r.flatMap((x) => (x.floor ? [x.floor] : []));
      return {
        ...(floor.length === 0 ? {} : { "floor s": median(floor.map((m) => m.s)), "floor / reference throughput": ob / median(floor.map((m) => m.s)), "floor CPU s": median(floor.map((m) => m.cpu)) }),
        case: `SFTP ${what} ${FILES} × ${MIB} MiB (ssh2 native crypto ${native})`,
        "catkit s": ca,
        "catkit MiB/s": totalMiB / ca,
        "reference s": ob,
        "reference MiB/s": totalMiB / ob,
        reference,
        "catkit / reference throughput": ob / ca,
        "catkit CPU s": median(r.map((x) => x.catkit.cpu)),
        "reference CPU s": median(r.map((x) => x.sftp.cpu)),
        goal: "≥ 0.8",
      };
    };
    return [row("download", download, "OpenSSH sftp -b (get -r)"), row("upload", upload, "OpenSSH sftp -b (put -r)")];

    // One warm-up each, then ROUNDS alternating rounds. CPU = client + the sshd session's processes
    // (reaped by the sshd listener a moment after the connection closes).
    async function compare(runCatkit: () => Promise<void>, batchFor: () => string, runFloor: () => Promise<void>): Promise<Round[]> {
      const serverCpu = async (since: number) => {
        await new Promise((r) => setTimeout(r, 300));
        return childCpuSeconds(sshd.pid) - since;
      };
      const inProcess = async (run: () => Promise<void>): Promise<Measure> => {
        const [server, cpu, t] = [childCpuSeconds(sshd.pid), process.cpuUsage(), performance.now()];
        await run();
        const s = (performance.now() - t) / 1000;
        const used = process.cpuUsage(cpu);
        return { s, cpu: (used.user + used.system) / 1e6 + (await serverCpu(server)) };
      };
      const openssh = async (): Promise<Measure> => {
        const batch = join(sshd.dir, "batch.txt");
        writeFileSync(batch, batchFor());
        const [server, self, t] = [childCpuSeconds(sshd.pid), childCpuSeconds("self"), performance.now()];
        execFileSync("sftp", ["-q", "-b", batch, "-i", sshd.privateKeyPath, "-P", String(sshd.port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", `${sshd.username}@${sshd.host}`], { stdio: ["ignore", "ignore", "inherit"] });
        const s = (performance.now() - t) / 1000;
        return { s, cpu: childCpuSeconds("self") - self + (await serverCpu(server)) };
      };
      await inProcess(runCatkit);
      await openssh();
      if (FLOOR) await inProcess(runFloor);
      const rounds: Round[] = [];
      const show = (m: Measure) => `${m.s.toFixed(2)} s (${m.cpu.toFixed(2)} CPU s)`;
      for (let r = 0; r < ROUNDS; r++) {
        const round: Round = { catkit: await inProcess(runCatkit), sftp: await openssh(), ...(FLOOR ? { floor: await inProcess(runFloor) } : {}) };
        rounds.push(round);
        log(`sftp bench round ${r + 1}: catkit ${show(round.catkit)}, sftp ${show(round.sftp)}${round.floor ? `, raw ssh2 floor ${show(round.floor)}` : ""}`);
      }
      return rounds;
    }
  } finally {
    await sshd.stop();
  }
}
