import { IcatEngine, IcatEngineError, tutorialFixture, type IcatEngineOptions } from "../../src/testing/engine/index.js";

/** A fixed clock, so createTime/modTime are predictable. */
export const NOW = new Date("2024-01-01T00:00:00.000Z");

/** An engine with the tutorial world and the ids of its `$key`s. */
export function tutorialEngine(options: IcatEngineOptions = {}): { engine: IcatEngine; ids: Map<string, number>; id: (key: string) => number } {
  const engine = new IcatEngine({ clock: () => NOW, ...options });
  const ids = engine.load(tutorialFixture);
  const id = (key: string): number => {
    const value = ids.get(key);
    if (value === undefined) throw new Error(`no fixture key ${key}`);
    return value;
  };
  return { engine, ids, id };
}

/** Runs `fn`, which must throw an IcatEngineError, and returns it as icat.server's error body. */
export function errorOf(fn: () => unknown): { code: string; message: string; offset?: number } {
  try {
    fn();
  } catch (e) {
    if (e instanceof IcatEngineError) return e.toJSON();
    throw e;
  }
  throw new Error("expected an IcatEngineError, but nothing was thrown");
}
