import { defineConfig } from "vitest/config";
// Verification only (not committed): this worktree's node_modules predates main's pino/prom-client.
export default defineConfig({
  resolve: { alias: [
    { find: /^@\//, replacement: "/work/wt/fulfil/" },
    { find: /^pino$/, replacement: "/work/main/node_modules/pino/pino.js" },
    { find: /^prom-client$/, replacement: "/work/main/node_modules/prom-client/index.js" },
  ] },
  test: {
    root: "/work/wt/fulfil",
    include: ["lib/**/*.test.ts", "inngest/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-db.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
