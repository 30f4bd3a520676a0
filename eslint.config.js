// Flat ESLint config for the whole workspace. Each package runs `eslint .` from its own folder;
// ESLint finds this file by walking up.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "packages/*/dist-*/**", "**/node_modules/**", "**/coverage/**", "**/.nx/**", "**/.cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "*.mjs"] } },
    },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      // Every package declares what it imports: sources only from "dependencies" (or optional
      // peers), tests and config files may also use "devDependencies".
      "import-x/no-extraneous-dependencies": [
        "error",
        {
          devDependencies: [
            "**/test/**",
            "**/*.test.ts",
            "**/*.test-d.ts",
            "**/vitest.config.ts",
            "tools/**",
            "**/bench/**",
          ],
          peerDependencies: true,
          optionalDependencies: false,
          includeTypes: true,
        },
      ],
      "import-x/no-cycle": "off",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "error",
      "no-console": "error",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // A client entry point never loads sandbox code (issue 8): outside src/testing/, no source file
    // imports a testing module, its own (./testing/…) or another package's (@catkit/x/testing).
    files: ["packages/*/src/**/*.ts"],
    ignores: ["packages/*/src/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "(^|/)testing(/|$)", message: "testing code is for src/testing/ and tests only: a client entry point must never load it" }] },
      ],
      // The same rule on resolved paths, whatever the specifier looks like: a zone per package by
      // glob, so a new package under packages/ gets it without editing this file.
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: "packages/*/src/**",
              from: "packages/*/src/testing/**",
              message: "src/testing/ is the sandbox: only src/testing/ and tests may import it, never client code.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests fake async APIs with plain async functions and pass methods around on purpose.
    files: ["**/test/**", "**/*.test.ts", "**/*.test-d.ts"],
    rules: {
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/unbound-method": "off",
      // vitest asymmetric matchers (expect.objectContaining …) are typed any.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    // Tooling and tests may print; libraries never do (they take a logger).
    files: ["tools/**", "**/test/**", "**/bench/**", "**/*.mjs"],
    rules: { "no-console": "off" },
  },
);
