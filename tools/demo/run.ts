// `npm run demo`: python-icat's IDS tutorial end to end, on the ICAT and IDS sandboxes started in
// this process (two-level storage, so archive and restore are real). Prints every step; exits
// non-zero on any failure.
import { startIcatAndIdsSandbox, tutorialFixture } from "@catkit/icat/testing";
import { runTutorial } from "./tutorial.ts";

const say = (line: string): void => void process.stdout.write(`${line}\n`);

const sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture, twoLevel: { restoreDelayMs: 300 } });
say(`catkit demo: ICAT sandbox at ${sandbox.icatUrl}, IDS sandbox at ${sandbox.idsUrl}\n`);
try {
  await runTutorial({ icatUrl: sandbox.icatUrl, idsUrl: sandbox.idsUrl, say });
} catch (err) {
  process.stderr.write(`\ncatkit demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await sandbox.close();
}
