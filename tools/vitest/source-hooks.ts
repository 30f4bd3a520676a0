// Lets plain `node` run the workspace's TypeScript sources (no build): packages resolve through
// the "@catkit/source" export condition (given with --conditions), and the sources' ".js"
// specifiers, written for the compiled output, fall back to the ".ts" file next to them. Node
// strips the types itself. Used by the demo test: `node --conditions=@catkit/source --import <this> tools/demo/run.ts`.
import { existsSync } from "node:fs";
import { registerHooks } from "node:module";
import { fileURLToPath } from "node:url";

registerHooks({
  resolve(specifier, context, nextResolve) {
    if ((specifier.startsWith("./") || specifier.startsWith("../")) && specifier.endsWith(".js") && context.parentURL?.startsWith("file:")) {
      const asTs = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
      if (!existsSync(fileURLToPath(new URL(specifier, context.parentURL))) && existsSync(fileURLToPath(asTs))) {
        return nextResolve(asTs.href, context);
      }
    }
    return nextResolve(specifier, context);
  },
});
