// Bench child: a bare fastify app answering GET /hello with a small JSON body — the reference
// for the gateway's cached investigation look-up.
import Fastify from "fastify";
import { profileOnSignal } from "../shared/profile-window.ts";

const app = Fastify();
app.get("/hello", () => [{ id: 1, name: "12100409-ST", instrument: { name: "EDDI" } }]);
await app.listen({ host: "127.0.0.1", port: 0 });
profileOnSignal("hello");
const address = app.server.address();
process.stdout.write(`origin=http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}\n`);
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
