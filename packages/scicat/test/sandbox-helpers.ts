// Raw HTTP helpers for wire tests: what a third-party client sends, without our client.
import type { ScicatSandbox } from "../src/testing/index.ts";

export interface Answer {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
}

export async function call(sandbox: ScicatSandbox, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${sandbox.origin}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

export async function login(sandbox: ScicatSandbox, username = "ingestor", password = "aman"): Promise<string> {
  const res = await call(sandbox, "POST", "/api/v3/auth/login", { body: { username, password } });
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${res.text}`);
  return (res.json as { id: string }).id;
}

export const rawDataset = (extra: Record<string, unknown> = {}) => ({
  type: "raw",
  ownerGroup: "ingestor",
  contactEmail: "a@b.org",
  sourceFolder: "/data/x",
  creationTime: "2026-01-02T03:04:05Z",
  datasetName: "x",
  owner: "Ada",
  ...extra,
});
