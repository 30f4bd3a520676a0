// Finds Apache ActiveMQ from the Debian package `activemq`, installing it when we may.
//
// CI machines start with only Node and npm; the broker comes from Debian (`apt-get install
// activemq`), which needs root. We never use the package's init script: tests start the jar with
// a config of their own (see start.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const DEFAULT_JAR = "/usr/share/activemq/bin/activemq.jar";

/** Where ActiveMQ is installed: the launcher jar and the home directory holding lib/. */
export interface ActivemqInstall {
  jar: string;
  home: string;
}

function fromDpkg(): string | undefined {
  const listed = spawnSync("dpkg", ["-L", "activemq"], { encoding: "utf8" });
  if (listed.status !== 0) return undefined;
  return listed.stdout.split("\n").find((line) => line.endsWith("/bin/activemq.jar"));
}

function find(): ActivemqInstall | undefined {
  const jar = process.env.CATKIT_ACTIVEMQ_JAR ?? (existsSync(DEFAULT_JAR) ? DEFAULT_JAR : fromDpkg());
  if (jar === undefined || !existsSync(jar)) return undefined;
  return { jar, home: jar.replace(/\/bin\/activemq\.jar$/, "") };
}

function canInstall(): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && spawnSync("apt-get", ["--version"]).status === 0;
}

/**
 * Returns the ActiveMQ installation, installing the Debian package first when it is missing and
 * this process is root on a machine with apt. Throws with the reason otherwise.
 *
 * @example
 * ```ts
 * const { jar } = ensureActivemq();
 * ```
 */
export function ensureActivemq(log: (line: string) => void = () => {}): ActivemqInstall {
  const found = find();
  if (found) return found;
  if (!canInstall()) {
    throw new Error(
      "Apache ActiveMQ is not installed and cannot be installed from here (needs root and apt-get). " +
        "Install the Debian package `activemq`, or set CATKIT_ACTIVEMQ_JAR to its bin/activemq.jar.",
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  log("activemq: installing the Debian package (apt-get update && apt-get install activemq)");
  execFileSync("apt-get", ["update", "-qq"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "activemq"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const installed = find();
  if (!installed) throw new Error("apt-get installed activemq but bin/activemq.jar was not found (dpkg -L activemq)");
  return installed;
}

/** Throws when no `java` can be run, saying what to install. */
export function assertJava(): void {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.status !== 0) {
    throw new Error("`java` was not found on PATH: ActiveMQ needs a Java runtime (Java 17 works).");
  }
}
