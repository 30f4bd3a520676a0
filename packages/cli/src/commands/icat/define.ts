// `catkit icat …`: names, flags and help of the ICAT commands. Their code is imported on use.
import { Command } from "commander";
import { examples, lazy } from "../../runtime/lazy.js";

/**
 * The `icat` command group.
 *
 * @example
 * ```ts
 * program.addCommand(defineIcat());
 * ```
 */
export function defineIcat(): Command {
  const icat = new Command("icat").description("ICAT catalogue: log in once, then search, get and count");
  examples(icat, ["catkit -s sandbox icat login", "catkit -s sandbox icat search Investigation", "catkit -s sandbox icat count Datafile"]);
  const session = () => import("./session.js");
  const query = () => import("./query.js");
  examples(icat.command("login").description("log in and cache the session (file mode 0600; the password is never stored)").action(lazy(() => session().then((m) => ({ default: m.login })))), [
    "catkit -s myicat icat login",
    "CATKIT_PASSWORD=secret catkit -w https://icat.example.org/icat -a db -u nbour icat login",
  ]);
  examples(icat.command("logout").description("end the cached session").action(lazy(() => session().then((m) => ({ default: m.logout })))), ["catkit -s myicat icat logout"]);
  examples(icat.command("whoami").description("the cached session's user and remaining minutes").action(lazy(() => session().then((m) => ({ default: m.whoami })))), [
    "catkit -s myicat icat whoami --json",
  ]);
  examples(
    icat
      .command("search")
      .description("run a query (JPQL or python-icat's short form), paged; a table, or JSON lines with --json")
      .argument("<query>")
      .option("--limit <n>", "stop after n results")
      .action(lazy(() => query().then((m) => ({ default: m.search })))),
    ['catkit icat search "SELECT d FROM Dataset d WHERE d.name LIKE \'e2%\'"', "catkit icat search Investigation --json | jq .name"],
  );
  examples(
    icat.command("get").description("one object by entity and id").argument("<entity>", 'entity, with INCLUDEs: "Dataset INCLUDE Datafile"').argument("<id>").action(lazy(() => query().then((m) => ({ default: m.get })))),
    ["catkit icat get Investigation 1", 'catkit icat get "Dataset INCLUDE Datafile" 3 --json'],
  );
  examples(
    icat.command("count").description("count objects of an entity").argument("<entity>").option("--where <condition>", "JPQL condition on o").action(lazy(() => query().then((m) => ({ default: m.count })))),
    ["catkit icat count Dataset", "catkit icat count Datafile --where \"o.name LIKE '%.txt'\""],
  );
  return icat;
}
