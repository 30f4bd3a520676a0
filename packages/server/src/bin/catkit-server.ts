#!/usr/bin/env node
// The `catkit-server` command: `catkit-server gateway|ingest [--config file]`.
import { run } from "../cli/run.js";

process.exitCode = await run(process.argv.slice(2), process.env);
