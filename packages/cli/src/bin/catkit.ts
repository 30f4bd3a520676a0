#!/usr/bin/env node
// The `catkit` command.
import { main } from "../runtime/main.js";

await main("catkit", process.argv);
