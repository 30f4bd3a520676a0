#!/usr/bin/env node
// pyicat-plus's `icat-sync-raw`, same flags (also `catkit icat-sync-raw`).
import { main } from "../runtime/main.js";

await main("icat-sync-raw", process.argv);
