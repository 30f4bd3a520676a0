// One call for the pair a facility runs: the ICAT sandbox, and the IDS sandbox asking it (so an
// IDS put creates the Datafile in this ICAT, IDS checks sessions against it, and one login serves
// both), as in python-icat's tutorial (icat-ids.md §3).
import { startIdsSandbox, type IdsSandbox, type IdsSandboxOptions } from "@catkit/ids/testing";
import type { IcatCatalogue } from "./icat-catalogue.js";
import { startIcatSandbox, type IcatSandbox, type IcatSandboxOptions } from "./icat-sandbox.js";

/**
 * Options of {@link startIcatAndIdsSandbox}: the ICAT sandbox's, plus IDS's.
 *
 * @example
 * ```ts
 * const options: IcatAndIdsSandboxOptions = { fixture: tutorialFixture, twoLevel: { restoreDelayMs: 100 }, ids: { stableZips: true } };
 * ```
 */
export interface IcatAndIdsSandboxOptions extends IcatSandboxOptions {
  /** Archive storage behind IDS (ids.server plugin.archive.*): archive, restore, 503 on getData. */
  twoLevel?: IdsSandboxOptions["twoLevel"];
  /** Any other IDS sandbox option (not its catalogue or icatUrl, which come from the ICAT sandbox). */
  ids?: Omit<IdsSandboxOptions<IcatCatalogue>, "catalogue" | "icatUrl" | "twoLevel" | "port" | "host">;
}

/**
 * The running pair.
 *
 * @example
 * ```ts
 * const { icatUrl, idsUrl, close }: IcatAndIdsSandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture });
 * ```
 */
export interface IcatAndIdsSandbox {
  readonly icat: IcatSandbox;
  readonly ids: IdsSandbox<IcatCatalogue>;
  /** e.g. "http://127.0.0.1:40123/icat" */
  readonly icatUrl: string;
  /** e.g. "http://127.0.0.1:40124/ids" */
  readonly idsUrl: string;
  /** Stops both (and removes IDS's temporary storage). */
  close(): Promise<void>;
}

/**
 * Starts an ICAT sandbox and an IDS sandbox wired to it.
 *
 * @example
 * ```ts
 * const sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture, twoLevel: { restoreDelayMs: 100 } });
 * const icat = new IcatClient({ url: sandbox.icatUrl, idsUrl: sandbox.idsUrl });
 * await icat.login("db", { username: "nbour", password: "secret" });
 * await sandbox.close();
 * ```
 */
export async function startIcatAndIdsSandbox(options: IcatAndIdsSandboxOptions = {}): Promise<IcatAndIdsSandbox> {
  const { twoLevel, ids: idsOptions, ...icatOptions } = options;
  const icat = await startIcatSandbox(icatOptions);
  let ids: IdsSandbox<IcatCatalogue>;
  try {
    ids = await startIdsSandbox<IcatCatalogue>({
      rootUserNames: [...icat.engine.rootUserNames],
      ...idsOptions,
      ...(twoLevel === undefined ? {} : { twoLevel }),
      ...(options.host === undefined ? {} : { host: options.host }),
      catalogue: icat.idsCatalogue(),
      icatUrl: icat.url,
    });
  } catch (err) {
    await icat.close();
    throw err;
  }
  return {
    icat,
    ids,
    icatUrl: icat.url,
    idsUrl: ids.url,
    async close() {
      await ids.close();
      await icat.close();
    },
  };
}
