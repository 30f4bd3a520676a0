// `pnpm --filter @catkit/tools broker` — start a broker by hand for manual testing; Ctrl-C stops it.
import { startBroker } from "./start.ts";

const broker = await startBroker({ log: (line) => console.error(line) });
console.log(JSON.stringify({ host: broker.host, stompPort: broker.stompPort, pid: broker.pid, dir: broker.dir }));
const stop = () => {
  void broker.stop().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
