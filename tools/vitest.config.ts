import { catkitVitestConfig } from "./vitest/preset.ts";

export default catkitVitestConfig(import.meta.dirname);
