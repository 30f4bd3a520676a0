// The ICAT+ contract run against the ICAT+ sandbox of @catkit/icat-plus/testing and against the
// gateway (over the ICAT and IDS sandboxes): the same calls, the same answers.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startIcatPlusSandbox } from "@catkit/icat-plus/testing";
import { startIcatSandbox, tutorialFixture } from "@catkit/icat/testing";
import { icatPlusContract } from "./icat-plus-contract.ts";
import { startGateway, startSandbox } from "./gateway-helpers.ts";

const TOKEN = "elogbook-contract-0000-0000-000000000000";

icatPlusContract("the ICAT+ sandbox", async () => {
  const icat = await startIcatSandbox({ fixture: tutorialFixture });
  const icatPlus = await startIcatPlusSandbox({ icat, token: TOKEN, users: { nbour: { password: "secret", fullName: "Nicolas Bourbaki" } } });
  return { url: icatPlus.url, token: TOKEN, username: "nbour", password: "secret", close: async () => { await icatPlus.close(); await icat.close(); } };
});

icatPlusContract("the catkit gateway", async () => {
  const sandbox = await startSandbox();
  const dir = mkdtempSync(join(tmpdir(), "catkit-contract-"));
  const server = await startGateway(sandbox, dir, {
    CATKIT_SERVER__GATEWAY__API_KEYS: JSON.stringify([TOKEN]),
    CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
  });
  return {
    url: server.url, token: TOKEN, username: "nbour", password: "secret",
    close: async () => {
      await server.stop();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
