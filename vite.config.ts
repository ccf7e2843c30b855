import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      // A separate build folder lets several e2e runs build side by side (E2E_PORT and REMIX_BUILD_DIR in playwright.config.ts).
      buildDirectory: process.env.REMIX_BUILD_DIR ?? "build",
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
  ],
  // Terser makes the browser's JavaScript about 4 % smaller (gzip) than esbuild's minifier: the meeting
  // page's public JS target is 90 KB gzip, and React DOM alone is over 40 (docs/decisions/063-read-path.md).
  // The server build stays unminified (readable stack traces).
  // Translation files stay files: inlined as data: URLs (under 4 KB) the browser's fetch of them would break
  // the CSP's connect-src 'self' (app/i18n/bundles.client.ts).
  build: isSsrBuild
    ? {}
    : { minify: "terser", terserOptions: { compress: { passes: 2 } }, assetsInlineLimit: (file: string) => (file.endsWith(".json") ? false : undefined) },
  server: { host: "127.0.0.1" },
}));
