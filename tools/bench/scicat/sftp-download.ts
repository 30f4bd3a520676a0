// `npm run bench scicat` part 1: SFTP download of many files from a real OpenSSH server
// (tools/sshd) — catkit's `ScicatClient.downloadFiles` through SftpFileTransfer (blake2b
// verified, temp file + rename) against OpenSSH's own `sftp -b` batch (`get -r`, no
// verification). Same server, same files, alternating rounds, median. Goal: catkit ≥ 0.8× the
// throughput of sftp.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checksumOfFile, Dataset, ScicatClient, SftpFileTransfer, type File } from "@catkit/scicat";
import { startSshd } from "../../sshd/start.ts";
import { median, type Row } from "../shared/table.ts";

const FILES = Number(process.env.BENCH_FILES ?? 200);
const MIB = Number(process.env.BENCH_FILE_MIB ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

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

    const catkit = async () => {
      rmSync(target, { recursive: true, force: true });
      const t = performance.now();
      await client.downloadFiles(dataset, { target, force: true, concurrency: 8 });
      return (performance.now() - t) / 1000;
    };
    const openssh = () => {
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      const batch = join(sshd.dir, "batch.txt");
      writeFileSync(batch, `get -r ${remote} ${target}\n`);
      const t = performance.now();
      execFileSync("sftp", ["-q", "-b", batch, "-i", sshd.privateKeyPath, "-P", String(sshd.port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", `${sshd.username}@${sshd.host}`], { stdio: ["ignore", "ignore", "inherit"] });
      return (performance.now() - t) / 1000;
    };
    await catkit();
    openssh();
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      a.push(await catkit());
      b.push(openssh());
    }
    rmSync(target, { recursive: true, force: true });
    const [ca, ob] = [median(a), median(b)];
    return [
      {
        case: `SFTP download ${FILES} × ${MIB} MiB`,
        "catkit s": ca,
        "catkit MiB/s": totalMiB / ca,
        "reference s": ob,
        "reference MiB/s": totalMiB / ob,
        reference: "OpenSSH sftp -b (get -r)",
        "catkit / reference throughput": ob / ca,
        goal: "≥ 0.8",
      },
    ];
  } finally {
    await sshd.stop();
  }
}
