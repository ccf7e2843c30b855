// Part of `npm run build`: the mail worker (scripts/worker.ts) bundled into <build dir>/worker.js, so that
// `npm run worker` runs plain node, without tsx compiling TypeScript in the process (about 80 MB of its
// memory, docs/decisions/040-outbox-worker.md). The app's own modules are bundled; packages stay in
// node_modules, as in the server build.
import path from "node:path";
import { build } from "esbuild";

const outfile = path.join(process.env.REMIX_BUILD_DIR ?? "build", "worker.js");
await build({
  entryPoints: ["scripts/worker.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  logLevel: "warning",
  plugins: [
    {
      // The app's `~/…` imports (tsconfig paths) are the app's files, not packages.
      name: "app-alias",
      setup(b) {
        b.onResolve({ filter: /^~\// }, (args) => b.resolve(`./${args.path.slice(2)}`, { resolveDir: path.resolve("app"), kind: args.kind }));
      },
    },
  ],
});
console.info(`built ${outfile}`);
