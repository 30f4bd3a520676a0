// The one place the CLI writes: data on stdout (text, aligned tables, or JSON lines with --json),
// logs and progress on stderr. Commands never call process.stdout/stderr themselves, so --json
// and --quiet behave the same everywhere and stdout stays pipeable.
import type { Writable } from "node:stream";
import { renderTable, type Column } from "./table.js";

/** A progress bar (or nothing, when stderr is not a terminal). */
export interface Progress {
  update(done: number, total?: number, label?: string): void;
  stop(): void;
}

/** Output settings, from the global flags. */
export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
  stdout?: Writable & { isTTY?: boolean };
  stderr?: Writable & { isTTY?: boolean };
}

/**
 * The CLI's writer.
 *
 * @example
 * ```ts
 * const out = new Output({ json: true });
 * out.table([{ id: 1, name: "ds1" }], [{ key: "id" }, { key: "name" }]); // {"id":1,"name":"ds1"}
 * ```
 */
export class Output {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly #stdout: Writable & { isTTY?: boolean };
  readonly #stderr: Writable & { isTTY?: boolean };

  constructor(options: OutputOptions = {}) {
    this.json = options.json ?? false;
    this.quiet = options.quiet ?? false;
    this.#stdout = options.stdout ?? process.stdout;
    this.#stderr = options.stderr ?? process.stderr;
  }

  /** One datum: a JSON line with --json, else `text` (or the value rendered as `key: value` lines). */
  data(value: unknown, text?: string): void {
    if (this.json) this.#stdout.write(`${JSON.stringify(value)}\n`);
    else this.#stdout.write(`${text ?? humanText(value)}\n`);
  }

  /** Rows: an aligned table, or one JSON line per row with --json. */
  table<R extends Record<string, unknown>>(rows: readonly R[], columns: readonly Column<R>[]): void {
    if (this.json) for (const row of rows) this.#stdout.write(`${JSON.stringify(row)}\n`);
    else this.#stdout.write(renderTable(rows, columns));
  }

  /** A log line on stderr (suppressed by --quiet). */
  log(line: string): void {
    if (!this.quiet) this.#stderr.write(`${line}\n`);
  }

  /** A warning on stderr (always shown). */
  warn(line: string): void {
    this.#stderr.write(`warning: ${line}\n`);
  }

  /** An error line on stderr. */
  error(line: string): void {
    this.#stderr.write(`error: ${line}\n`);
  }

  /** True when progress bars and prompts may be shown. */
  get interactive(): boolean {
    return this.#stderr.isTTY === true && !this.json && !this.quiet;
  }

  /** A byte progress bar on stderr, only on a terminal (cli-progress, loaded on first use). */
  async progress(label: string): Promise<Progress> {
    if (!this.interactive) return { update() {}, stop() {} };
    const { SingleBar, Presets } = await import("cli-progress");
    const bar = new SingleBar(
      { stream: this.#stderr, format: `${label} [{bar}] {percentage}% {value}/{total} bytes {name}`, hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, name = "") {
        if (!started) {
          bar.start(total ?? 0, done, { name });
          started = true;
        }
        if (total !== undefined) bar.setTotal(total);
        bar.update(done, { name });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
}

function humanText(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join("\n");
}
