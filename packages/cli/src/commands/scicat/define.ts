// `catkit scicat …`: scitacean's everyday jobs from a shell, through @catkit/scicat. Names, flags
// and help only; the code (and @catkit/scicat) is imported when a command runs.
import { Command, Option } from "commander";
import { collect } from "../../runtime/collect.js";
import { examples, lazy } from "../../runtime/lazy.js";
import { TRANSFERS } from "./transfer.js";

function scicatFlags(cmd: Command): Command {
  return cmd
    .option("--scicat-url <url>", "SciCat URL, with or without /api/v3 ($CATKIT_SCICAT_URL)")
    .option("--token-file <file>", "file holding a SciCat token ($CATKIT_SCICAT_TOKEN; default: the token `catkit scicat login` cached)");
}

function transferFlags(cmd: Command): Command {
  return cmd
    .addOption(new Option("--transfer <kind>", "how files move: copy (file server mounted here), link (downloads as symlinks), sftp").choices(TRANSFERS).default("copy"))
    .option("--source-folder <pattern>", 'source folder on the file server, scitacean-style: "/data/{owner}/{uid}" (uploads; default the dataset\'s)')
    .option("--sftp-host <host>", "SFTP server (with --transfer sftp)")
    .option("--sftp-port <port>", "SFTP port", "22")
    .option("--sftp-user <name>", "SFTP user (default $USER)")
    .option("--sftp-key <file>", "SSH private key file", "~/.ssh/id_ed25519")
    .option("--sftp-host-key <key>", 'pin the server\'s host key: its public key line or "SHA256:…" fingerprint ($CATKIT_SFTP_HOST_KEY; default: any key is accepted, as scitacean)');
}

/**
 * The `scicat` command group.
 *
 * @example
 * ```ts
 * program.addCommand(defineScicat());
 * ```
 */
export function defineScicat(): Command {
  const group = new Command("scicat").description("SciCat: log in, search and get datasets, download and upload files, samples and proposals");
  examples(group, [
    "catkit scicat login --scicat-url http://127.0.0.1:3000 --username ingestor",
    "catkit scicat datasets search --where '{\"ownerGroup\":\"ingestor\"}' --limit 20",
    "catkit scicat download PID --target ./data --select '*.nxs'",
  ]);
  const session = () => import("./session.js");
  const query = () => import("./query.js");
  examples(
    scicatFlags(group.command("login").description("log in with user name and password (prompted, or $CATKIT_SCICAT_PASSWORD / --password-file) and cache the token (mode 0600)"))
      .option("--username <name>", "SciCat user ($CATKIT_SCICAT_USERNAME)")
      .action(lazy(() => session().then((m) => ({ default: m.login })))),
    ["catkit scicat login --scicat-url https://scicat.example.org --username ada"],
  );
  examples(scicatFlags(group.command("logout").description("end the cached token's session and forget it")).action(lazy(() => session().then((m) => ({ default: m.logout })))), ["catkit scicat logout"]);
  examples(scicatFlags(group.command("whoami").description("the user of the token")).action(lazy(() => session().then((m) => ({ default: m.whoami })))), ["catkit --json scicat whoami"]);
  const datasets = group.command("datasets").description("datasets");
  examples(
    scicatFlags(datasets.command("search").description("datasets matching a v4 where filter, paged; a table, or every field as JSON lines with --json"))
      .option("--where <json>", "SciCat v4 where filter (JSON), e.g. '{\"type\":\"raw\"}'")
      .option("--limit <n>", "stop after n datasets")
      .action(lazy(() => query().then((m) => ({ default: m.search })))),
    ["catkit scicat datasets search --where '{\"datasetName\":{\"$regex\":\"scan\"}}' --json | jq .pid"],
  );
  examples(scicatFlags(datasets.command("get").description("a dataset's fields and files").argument("<pid>")).action(lazy(() => query().then((m) => ({ default: m.get })))), ["catkit scicat datasets get 20.500.12269/4f8c-…"]);
  examples(scicatFlags(group.command("samples").description("samples").command("get").description("a sample").argument("<id>")).action(lazy(() => query().then((m) => ({ default: m.sample })))), ["catkit scicat samples get SAMPLE_ID"]);
  examples(scicatFlags(group.command("proposals").description("proposals").command("get").description("a proposal").argument("<id>")).action(lazy(() => query().then((m) => ({ default: m.proposal })))), ["catkit scicat proposals get PROPOSAL_ID"]);
  examples(
    transferFlags(scicatFlags(group.command("download").description("download a dataset's files, checksum-verified (existing verified files are skipped)").argument("<pid>")))
      .requiredOption("--target <dir>", "local directory")
      .option("--select <pattern>", "glob on the remote path, or re:REGEXP (repeatable; default all files)", collect)
      .option("--force", "download even files already there with the right checksum")
      .option("--checksum-algorithm <name>", "override the dataset's (blake2b, md5, sha256, …)")
      .action(lazy(() => import("./download.js"))),
    ["catkit scicat download PID --target ./data --select '*.nxs' --select 're:^raw/'", "catkit scicat download PID --target ./data --transfer sftp --sftp-host login.example.org"],
  );
  examples(
    transferFlags(scicatFlags(group.command("upload").description("upload a new dataset: every file under DIR, fields from a JSON file").argument("<dir>")))
      .requiredOption("--metadata <file>", "JSON object, or YAML mapping in a .yaml/.yml file, of dataset fields (type, name/datasetName, owner, ownerGroup, contactEmail, principalInvestigator, meta/scientificMetadata, …)")
      .action(lazy(() => import("./upload.js"))),
    ["catkit scicat upload ./scan1 --metadata scan1.json --transfer sftp --sftp-host files.example.org --source-folder '/data/{owner}/{uid}'"],
  );
  return group;
}
