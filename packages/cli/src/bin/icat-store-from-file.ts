#!/usr/bin/env node
// pyicat-plus's `icat-store-from-file`, same flags (also `catkit icat-store-from-file`).
import { main } from "../runtime/main.js";

await main("icat-store-from-file", process.argv);
