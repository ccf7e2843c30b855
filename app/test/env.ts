import { onTestFinished } from "vitest";
import { reloadEnv } from "~/utils/env.server";

/**
 * Sets an environment setting for the running test only: the app's settings are read again now, and the
 * setting is put back as it was (unset if it was) when the test finishes, passed or failed.
 */
export function setEnvForTest(name: string, value: string): void {
  const before = process.env[name];
  process.env[name] = value;
  reloadEnv();
  onTestFinished(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
    reloadEnv();
  });
}
