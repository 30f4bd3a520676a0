// A user that logs in to the test sshd with a password, without touching the machine's accounts:
// sshd (UsePAM no) checks passwords against getpwnam()'s entry when getspnam() knows nothing,
// and nss_wrapper (LD_PRELOAD, NSS_WRAPPER_PASSWD/GROUP) serves getpwnam() from files in the
// server's temp dir. Those files repeat the real entries sshd needs (root, its privilege
// separation user `sshd`, the user running the tests, so key logins keep working) and add:
// - as root: `catkit-sftp`, uid/gid 65534 (nobody), home `<dir>/data/catkit-sftp` owned by it;
// - otherwise: the running user's own entry carrying the password hash (sshd cannot switch to
//   another uid).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdirSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { ensureNssWrapper } from "./locate.ts";

/** The password user of a running sshd. */
export interface PasswordUser {
  username: string;
  password: string;
  /** Its home, where it may write: uploads go below it. */
  home: string;
}

const getent = (db: "passwd" | "group", key: string): string | undefined => {
  try {
    return execFileSync("getent", [db, key], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined; // not known on this machine
  }
};

/** Writes the passwd/group files and returns the user and the environment to start sshd with. */
export function preparePasswordUser(dir: string, log: (line: string) => void): { user: PasswordUser; env: Record<string, string> } {
  const lib = ensureNssWrapper(log);
  const password = randomBytes(12).toString("base64url");
  const hash = execFileSync("openssl", ["passwd", "-6", "-stdin"], { input: `${password}\n`, encoding: "utf8" }).trim();
  const me = userInfo();
  const root = me.uid === 0;
  const entries = new Map<string, string>();
  for (const name of ["root", "sshd", me.username]) {
    const line = getent("passwd", name);
    if (line) entries.set(name, line);
  }
  let user: PasswordUser;
  if (root) {
    const home = join(dir, "data", "catkit-sftp");
    mkdirSync(home, { recursive: true });
    chownSync(home, 65534, 65534);
    chmodSync(dir, 0o711); // nobody must traverse the temp dir to reach its home
    entries.set("catkit-sftp", `catkit-sftp:${hash}:65534:65534:catkit test user:${home}:/bin/sh`);
    user = { username: "catkit-sftp", password, home };
  } else {
    const fields = (entries.get(me.username) ?? `${me.username}:x:${me.uid}:${me.gid}::${me.homedir}:/bin/sh`).split(":");
    fields[1] = hash;
    entries.set(me.username, fields.join(":"));
    user = { username: me.username, password, home: join(dir, "data") };
  }
  const groups = [...new Set(["root", "nogroup", String(me.gid)])].map((g) => getent("group", g)).filter((g): g is string => g !== undefined);
  writeFileSync(join(dir, "nss_passwd"), `${[...entries.values()].join("\n")}\n`);
  writeFileSync(join(dir, "nss_group"), `${groups.join("\n")}\n`);
  return { user, env: { LD_PRELOAD: lib, NSS_WRAPPER_PASSWD: join(dir, "nss_passwd"), NSS_WRAPPER_GROUP: join(dir, "nss_group") } };
}
