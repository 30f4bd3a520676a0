// Reads the configuration: a JSON file (--config or $CATKIT_SERVER_CONFIG), then environment
// overrides CATKIT_SERVER__SECTION__KEY (segments matched to the schema's keys ignoring case and
// underscores; values parsed as JSON when they parse, else kept as strings), then zod validation.
// Any problem is one ConfigError naming the key and where the value came from, never the value.
import { readFileSync } from "node:fs";
import { ConfigError } from "@catkit/core";
import type { z } from "zod";
import { ServerConfigSchema, type ServerConfig } from "./server-config.js";

const ENV_PREFIX = "CATKIT_SERVER__";

/**
 * Where the configuration comes from.
 *
 * @example
 * ```ts
 * const source: ConfigSource = { file: "/etc/catkit/server.json", env: process.env };
 * ```
 */
export interface ConfigSource {
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

const norm = (s: string) => s.toLowerCase().replace(/_/g, "");

/** The object schema under a (possibly optional/defaulted) schema, for key matching. */
function objectShape(schema: z.core.$ZodType | undefined): Record<string, z.core.$ZodType> | undefined {
  let s: z.core.$ZodType | undefined = schema;
  for (let i = 0; i < 5 && s; i++) {
    const def = s._zod.def as { type: string; innerType?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> };
    if (def.type === "object") return def.shape;
    s = def.innerType;
  }
  return undefined;
}

function envValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Applies CATKIT_SERVER__… variables onto `target`; returns which key each came from. */
function applyEnv(target: Record<string, unknown>, env: NodeJS.ProcessEnv): Map<string, string> {
  const origins = new Map<string, string>();
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || raw === undefined) continue;
    const segments = name.slice(ENV_PREFIX.length).split("__");
    let shape = objectShape(ServerConfigSchema);
    let node = target;
    const path: string[] = [];
    for (const [i, segment] of segments.entries()) {
      const key = Object.keys(shape ?? {}).find((k) => norm(k) === norm(segment));
      if (key === undefined) throw new ConfigError(`unknown setting (no key ${JSON.stringify(segment)} here)`, { key: [...path, segment].join("."), section: `env ${name}` });
      path.push(key);
      if (i === segments.length - 1) node[key] = envValue(raw);
      else {
        const next = node[key];
        const child: Record<string, unknown> = next && typeof next === "object" && !Array.isArray(next) ? { ...next } : {};
        node = node[key] = child;
        shape = objectShape(shape?.[key]);
      }
    }
    origins.set(path.join("."), name);
  }
  return origins;
}

function readFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ConfigError(`cannot read the configuration file (${(err as NodeJS.ErrnoException).code ?? "error"})`, { file });
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError(`not valid JSON: ${(err as Error).message}`, { file });
  }
  throw new ConfigError("the configuration must be a JSON object", { file });
}

/**
 * Loads and validates the configuration.
 *
 * @throws {ConfigError} naming the first bad key and its origin (file or environment variable).
 * @example
 * ```ts
 * const config = loadServerConfig({ file: "server.json", env: process.env });
 * ```
 */
export function loadServerConfig(source: ConfigSource = {}): ServerConfig {
  const env = source.env ?? {};
  const file = source.file ?? env.CATKIT_SERVER_CONFIG;
  const raw = file === undefined ? {} : readFile(file);
  const origins = applyEnv(raw, env);
  const result = ServerConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const key = issue.path.map(String).join(".") || "(root)";
  const origin = [...origins].find(([k]) => key === k || key.startsWith(`${k}.`))?.[1];
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : "";
  throw new ConfigError(`${issue.message}${more}`, { ...(origin ? { section: `env ${origin}` } : file ? { file } : {}), key });
}
