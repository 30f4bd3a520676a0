// Lets node run dump-model.ts: catkit sources import "./x.js", which exists as x.ts.
import { registerHooks } from "node:module";

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (specifier.endsWith(".js")) return next(`${specifier.slice(0, -3)}.ts`, context);
      throw error;
    }
  },
});
