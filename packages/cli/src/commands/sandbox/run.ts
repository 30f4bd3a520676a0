// catkit sandbox: starts the services (ICAT + IDS, optionally ActiveMQ, ICAT+, SciCat), prints
// URLs, users, an icat.cfg and `export` lines for the environment, and stops them all on Ctrl-C
// (or SIGTERM). With --cfg FILE the icat.cfg is also written there (mode 0600: it holds the
// sandbox password), so `catkit -c FILE -s sandbox …` works from another shell.
import { writeFile } from "node:fs/promises";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { brokerService, requireBrokerScript } from "./broker-service.js";
import { icatIdsService } from "./icat-ids-service.js";
import { icatPlusService } from "./icat-plus-service.js";
import { scicatService } from "./scicat-service.js";
import { icatCfg, type RunningService, type SandboxService, type SharedHandles } from "./service.js";

/** Flags of `catkit sandbox`. */
export interface SandboxFlags {
  host: string;
  demo: boolean;
  cfg?: string;
  broker?: boolean;
  icatPlus: boolean;
  scicat: boolean;
}

/**
 * The `export NAME=value` lines of the running services (values single-quoted for sh).
 *
 * @example
 * ```ts
 * exportLines({ CATKIT_SCICAT_URL: "http://127.0.0.1:1/api/v3" }); // ["export CATKIT_SCICAT_URL='http://127.0.0.1:1/api/v3'"]
 * ```
 */
export function exportLines(env: Record<string, string>): string[] {
  return Object.entries(env).map(([k, v]) => `export ${k}='${v.replaceAll("'", "'\\''")}'`);
}

/**
 * `catkit sandbox`.
 *
 * @example
 * ```ts
 * await sandbox(ctx, { host: "127.0.0.1", demo: true });
 * ```
 */
export default async function sandbox(ctx: CommandContext, flags: SandboxFlags): Promise<void> {
  if (!["127.0.0.1", "::1", "localhost"].includes(flags.host)) throw new UsageError(`--host must be a loopback address (127.0.0.1, ::1, localhost): the sandboxes have well-known passwords`);
  if (flags.broker) requireBrokerScript(process.cwd()); // before anything starts
  const services: SandboxService[] = [icatIdsService, ...(flags.broker ? [brokerService] : []), ...(flags.icatPlus ? [icatPlusService] : []), ...(flags.scicat ? [scicatService] : [])];
  const shared: SharedHandles = {};
  const running: RunningService[] = [];
  const stopAll = async () => {
    for (const s of running.reverse()) await s.close().catch((err: unknown) => ctx.out.warn(`${s.name}: ${err instanceof Error ? err.message : String(err)}`));
  };
  try {
    for (const service of services) running.push(await service.start({ host: flags.host, demo: flags.demo, log: (l) => ctx.out.log(l), shared, signal: ctx.signal }));
  } catch (err) {
    await stopAll();
    throw err;
  }
  const cfg = icatCfg(running);
  if (flags.cfg !== undefined) await writeFile(flags.cfg, cfg, { mode: 0o600 });
  const urls = Object.fromEntries(running.flatMap((s) => Object.entries(s.urls)));
  const env = Object.assign({}, ...running.map((s) => s.env ?? {})) as Record<string, string>;
  if (ctx.out.json) ctx.out.data({ urls, env, icatCfg: cfg, cfgFile: flags.cfg ?? null });
  else {
    const lines = ["catkit sandbox is running:", ...running.flatMap((s) => [`  ${s.name}`, ...Object.entries(s.urls).map(([k, v]) => `    ${k}: ${v}`), ...s.notes.map((n) => `    ${n}`)])];
    lines.push("", `icat.cfg${flags.cfg ? ` (written to ${flags.cfg})` : ""}:`, cfg, "environment for catkit's commands (paste into another shell):", ...exportLines(env), "", `try: catkit ${flags.cfg ? `-c ${flags.cfg} ` : ""}-s sandbox icat login`, "Ctrl-C stops the sandbox.");
    ctx.out.data(null, lines.join("\n"));
  }
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    ctx.signal.addEventListener("abort", () => resolve(), { once: true });
    process.once("SIGTERM", () => resolve());
  });
  await stopAll();
  ctx.out.log("sandbox stopped");
}
