#!/usr/bin/env node
// pyicat-plus's `icat-store-processed`, same flags (also `catkit icat-store-processed`).
import { main } from "../runtime/main.js";

await main("icat-store-processed", process.argv);
