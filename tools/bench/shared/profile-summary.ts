// Summarises .cpuprofile files (e.g. from BENCH_PROFILE, see profile-window.ts): self time by
// function and by where the code lives (a package under node_modules, catkit's own code, Node's
// internals, V8's "(garbage collector)" and "(program)"), as shares of the samples.
//   node bench/shared/profile-summary.ts <file.cpuprofile>… [--top=30]
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

/** Where a script lives: "fastify", "@catkit/server", "node:internal/…", or "(V8)" for V8's own entries. */
function owner(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(V8 builtins)";
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (dep?.[1]) return dep[1];
  const own = /\/(packages|tools)\/([^/]+)\//.exec(url);
  if (own?.[2]) return `@catkit/${own[2]}`;
  return url.startsWith("node:") ? url.split("/").slice(0, 2).join("/") : url;
}

const args = process.argv.slice(2);
const top = Number(args.find((a) => a.startsWith("--top="))?.slice("--top=".length) ?? 30);
const byFunction = new Map<string, number>();
const byOwner = new Map<string, number>();
let total = 0;
for (const file of args.filter((a) => !a.startsWith("--"))) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const id of profile.samples) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    total++;
    const where = owner(frame.url, frame.functionName);
    const fn = `${frame.functionName || "(anonymous)"}  ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(packages|tools)\//, "$1/")}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + 1);
    byOwner.set(where, (byOwner.get(where) ?? 0) + 1);
  }
}
const show = (title: string, counts: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((100 * count) / total).toFixed(1).padStart(5)} %  ${key}`);
};
console.log(`${total} samples`);
show("self time by owner", byOwner, 20);
show("self time by function", byFunction, top);
