// `npm run demo`: the end-to-end tutorial on the embedded ICAT and IDS sandboxes.
// The ICAT package that the demo walks through is not built yet (issue: @catkit/icat), so this
// says so and fails instead of pretending.
process.stderr.write(
  "catkit demo: not built yet. It needs @catkit/icat and its sandbox (the ICAT issue); until then there is nothing to show.\n",
);
process.exit(1);
