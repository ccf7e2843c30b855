import { defineConfig, devices } from "@playwright/test";

// E2E_PORT and REMIX_BUILD_DIR let several runs (developers working side by side) coexist.
const PORT = Number(process.env.E2E_PORT ?? 3457);

export default defineConfig({
  testDir: "./e2e",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: "list",
  // A guard against hangs, not a speed check: CI may share a busy machine.
  timeout: 120_000,
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "off" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://127.0.0.1:${PORT}/login`,
    env: { PORT: String(PORT), REMIX_BUILD_DIR: process.env.REMIX_BUILD_DIR ?? "build" },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
