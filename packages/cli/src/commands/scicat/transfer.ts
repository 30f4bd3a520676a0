// The file transfer of `catkit scicat download|upload`, as scitacean configures it: copy (the file
// server's folders are mounted here), link (downloads as symlinks) or sftp (OpenSSH, key file).
import { homedir } from "node:os";
import type { FileTransfer } from "@catkit/scicat";
import { UsageError } from "../../runtime/exit-codes.js";

/** Transfer flags. */
export interface TransferFlags {
  transfer: string;
  sourceFolder?: string;
  sftpHost?: string;
  sftpPort?: string;
  sftpUser?: string;
  sftpKey?: string;
  sftpHostKey?: string;
}

/** The transfer names. */
export const TRANSFERS = ["copy", "link", "sftp"] as const;

/**
 * Builds the transfer the flags ask for.
 *
 * @example
 * ```ts
 * const transfer = await fileTransfer({ transfer: "copy", sourceFolder: "/mnt/scicat/{owner}/{uid}" });
 * ```
 */
export async function fileTransfer(flags: TransferFlags): Promise<FileTransfer> {
  const scicat = await import("@catkit/scicat");
  const sourceFolder = flags.sourceFolder === undefined ? {} : { sourceFolder: flags.sourceFolder };
  if (flags.transfer === "copy") return new scicat.CopyFileTransfer(sourceFolder);
  if (flags.transfer === "link") return new scicat.LinkFileTransfer(sourceFolder);
  if (flags.transfer !== "sftp") throw new UsageError(`--transfer must be one of ${TRANSFERS.join(", ")}, got ${JSON.stringify(flags.transfer)}`);
  if (!flags.sftpHost) throw new UsageError("--transfer sftp needs --sftp-host HOST");
  const port = flags.sftpPort === undefined ? 22 : Number(flags.sftpPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--sftp-port must be a port number, got ${JSON.stringify(flags.sftpPort)}`);
  const username = flags.sftpUser ?? process.env.USER;
  if (!username) throw new UsageError("--transfer sftp needs --sftp-user NAME (or $USER)");
  const privateKeyPath = (flags.sftpKey ?? "~/.ssh/id_ed25519").replace(/^~(?=\/)/, homedir());
  // Pinning the host key is opt-in, as in scitacean (paramiko accepts any key); the environment
  // variable lets a site pin it once for every command.
  const hostKey = flags.sftpHostKey ?? process.env.CATKIT_SFTP_HOST_KEY;
  return new scicat.SftpFileTransfer({ host: flags.sftpHost, port, username, privateKeyPath, ...(hostKey ? { hostKey } : {}), ...sourceFolder });
}
