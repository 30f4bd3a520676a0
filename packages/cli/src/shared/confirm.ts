// Yes/no questions. On a terminal: @inquirer/prompts. With a pipe on stdin (`yes n | …`), as
// pyicat-plus's input() reads it: one answer per line from one reader (inquirer's per-prompt
// readline would swallow every line at the first question); end of input answers "no".
import { createInterface } from "node:readline";

/** Asks a yes/no question; default no. */
export type Confirm = (message: string) => Promise<boolean>;

/**
 * A confirm function for this process.
 *
 * @example
 * ```ts
 * const confirm = await confirmer(signal);
 * if (await confirm('Upload "unregistered" datasets? (y/[n])')) send();
 * ```
 */
export async function confirmer(signal: AbortSignal): Promise<Confirm> {
  if (process.stdin.isTTY) {
    const { confirm } = await import("@inquirer/prompts");
    return (message) => confirm({ message: message.replace(/\s*\(y\/\[n\]\)$/, ""), default: false }, { output: process.stderr, signal });
  }
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  return async (message) => {
    process.stderr.write(`${message} `);
    const next = await lines.next();
    const answer = next.done ? "" : next.value.trim().toLowerCase();
    process.stderr.write(`${next.done ? "(no input: no)" : answer}\n`);
    return answer === "y" || answer === "yes";
  };
}
