import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests start real HTTP servers; a shared CI machine can be slow.
    testTimeout: 20_000,
  },
});
