#!/usr/bin/env node
// pyicat-plus's `icat-store-raw`, same flags (also `catkit icat-store-raw`).
import { main } from "../runtime/main.js";

await main("icat-store-raw", process.argv);
