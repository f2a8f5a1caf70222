import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    // One graphql instance: vitest would otherwise load the ESM build next to the CJS one
    // that Apollo requires ("Cannot use GraphQLSchema from another module or realm").
    alias: [{ find: /^graphql$/, replacement: path.join(root, "node_modules/graphql/index.js") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
