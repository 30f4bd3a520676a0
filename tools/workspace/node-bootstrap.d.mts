// Types for node-bootstrap.mjs (plain JavaScript: it runs before any dependency is installed).
export declare const MIN_NODE: readonly [number, number];
export declare const PROVISIONED_MAJOR: number;
export declare function isSupportedNode(version: string): boolean;
export declare function nodePackageFor(platform: string, arch: string): string | undefined;
export declare function nodeBinaryIn(prefix: string, pkg: string, platform?: string): string;
export declare function ensureSupportedNode(options: {
  script: string;
  args: readonly string[];
  cacheDir: string;
  fail: (message: string) => never;
  env?: NodeJS.ProcessEnv;
  version?: string;
  platform?: string;
  arch?: string;
}): void;
