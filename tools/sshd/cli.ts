// `pnpm --filter @catkit/tools sshd` — start the test sshd by hand; Ctrl-C stops it.
import { startSshd } from "./start.ts";

const sshd = await startSshd({ log: (line) => console.error(line) });
console.log(JSON.stringify({ host: sshd.host, port: sshd.port, username: sshd.username, privateKeyPath: sshd.privateKeyPath, dir: sshd.dir, pid: sshd.pid }));
const stop = () => {
  void sshd.stop().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
