// `pnpm --filter @catkit/tools postgres` — start a throw-away PostgreSQL by hand; Ctrl-C stops it.
import { startPostgres } from "./start.ts";

const pg = await startPostgres({ log: (line) => console.error(line) });
console.log(JSON.stringify({ url: pg.url, pid: pg.pid, dir: pg.dir }));
const stop = () => {
  void pg.stop().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
