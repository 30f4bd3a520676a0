#!/usr/bin/env node
// The `catkit` command. Its commands are not built yet; say so instead of pretending.
process.stderr.write("catkit: the command-line tool is not built yet (see the @catkit/cli issue).\n");
process.exitCode = 1;
