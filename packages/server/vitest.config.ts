import { catkitVitestConfig } from "../../tools/vitest/preset.ts";

export default catkitVitestConfig(import.meta.dirname);
