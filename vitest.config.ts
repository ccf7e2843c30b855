import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./app/test/global-setup.ts"],
    setupFiles: ["./app/test/setup-db.ts"],
    // Hang guards, not speed checks: CI may share a busy machine (the 418-zone calendar test took 18 s
    // alone and passed 30 s under load from other work), so no test fails for being slow.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
