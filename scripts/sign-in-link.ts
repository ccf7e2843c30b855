import { env } from "~/utils/env.server";

// `npm run sign-in-link -- <email>`: prints a one-time sign-in link for an existing person, made by the
// same code as the emailed links (15 minutes, single use) and audited. It is how the first organiser gets
// in on a server whose mail does not work yet (docs/operations.md). Run it with the server's environment
// (DATABASE_URL, APP_URL).

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || !args[0].includes("@")) {
    console.error("Usage: npm run sign-in-link -- <email address of an existing person>");
    return 1;
  }
  // Check the configuration before loading modules that read it, so a bad one stops with its message alone.
  env();
  const [{ db, dbReady }, { issueOperatorSignInLink }] = await Promise.all([import("~/utils/db.server"), import("~/domain/auth/login.server")]);
  await dbReady();
  try {
    const result = await issueOperatorSignInLink(args[0]);
    if (!result.ok) {
      console.error(result.reason);
      return 1;
    }
    console.info(`One-time sign-in link for ${result.name} (${result.role.toLowerCase()}), valid until ${result.expiresAt.toISOString()}:`);
    console.info(result.url);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error && e.name === "ConfigurationError" ? e.message : e);
    process.exit(1);
  },
);
