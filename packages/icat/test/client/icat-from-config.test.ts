// issue 7 item 6: python-icat's config.getconfig() + login in one call: an icat.cfg section
// becomes a logged-in ICAT client with its IDS client, against the ICAT + IDS sandboxes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { icatFromConfig } from "../../src/index.ts";
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "../../src/testing/index.ts";

let sandbox: IcatAndIdsSandbox;
let dir: string;
let cfg: string;
beforeAll(async () => {
  sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture });
  dir = mkdtempSync(join(tmpdir(), "catkit-icat-cfg-"));
  cfg = join(dir, "icat.cfg");
  writeFileSync(
    cfg,
    `[DEFAULT]\nurl = ${sandbox.icatUrl}\nidsurl = ${sandbox.idsUrl}\nauth = db\n\n[myicat_nbour]\nusername = nbour\npassword = secret\n\n[myicat_prompt]\nusername = nbour\npromptPass = yes\n`,
  );
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("icatFromConfig", () => {
  it("logs in with the section's credentials and gives the IDS client too", async () => {
    const icat = await icatFromConfig({ configFile: cfg, section: "myicat_nbour", env: {} });
    try {
      expect(await icat.getUserName()).toBe("db/nbour");
      await expect(icat.ids.ping()).resolves.toBeUndefined(); // throws unless the IDS answers
    } finally {
      await icat.close();
    }
  });

  it("asks the prompt hook when promptPass is set, and never keeps the configured password", async () => {
    const prompts: string[] = [];
    const icat = await icatFromConfig({ configFile: cfg, section: "myicat_prompt", env: {}, promptPassword: async (p) => (prompts.push(p), "secret") });
    try {
      expect(prompts).toEqual([`Password for nbour at ${sandbox.icatUrl}: `]);
      expect(await icat.getUserName()).toBe("db/nbour");
    } finally {
      await icat.close();
    }
  });

  it("says what is missing, naming the key, when there is no password and no prompt", async () => {
    const err = await icatFromConfig({ configFile: cfg, section: "myicat_prompt", env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).location).toMatchObject({ section: "myicat_prompt", key: "password" });
  });
});
