import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import license from "rollup-plugin-license";

const buildDirectory = process.env.REMIX_BUILD_DIR ?? "build";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      // A separate build folder lets several e2e runs build side by side (E2E_PORT and REMIX_BUILD_DIR in playwright.config.ts).
      buildDirectory,
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
    // The notices of the libraries shipped to the browser go to one file served beside them
    // (/assets/third-party-licenses.txt) instead of a comment block in every chunk: 2.5 KB gzip of the meeting
    // page's JavaScript (docs/decisions/086-public-js-budget.md).
    ...(isSsrBuild ? [] : [license({ thirdParty: { includePrivate: false, output: { file: `${buildDirectory}/client/assets/third-party-licenses.txt` } } })]),
  ],
  // Terser makes the browser's JavaScript about 4 % smaller (gzip) than esbuild's minifier: the meeting
  // page's public JS target is 90 KB gzip, and React DOM alone is over 40 (docs/decisions/063-read-path.md).
  // The server build stays unminified (readable stack traces).
  build: isSsrBuild ? {} : { minify: "terser", terserOptions: { compress: { passes: 2 }, format: { comments: false } } },
  // The server's bundle in ASCII: a few hundred typographic characters (’ — …) made V8 hold its 1.8 MB source as
  // two-byte text, 3.4 MB of the heap that stays alive; escaped, it is one byte per character
  // (docs/decisions/095-live-heap.md). The browser's chunks keep UTF-8 (shorter, and measured by the JS budget).
  ...(isSsrBuild ? { esbuild: { charset: "ascii" as const } } : {}),
  server: { host: "127.0.0.1" },
}));
