import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { kernCssSubset } from "./scripts/kern-css-subset";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "@workflows": fileURLToPath(new URL("./workflows", import.meta.url)),
      "@emails": fileURLToPath(new URL("./emails", import.meta.url)),
      "@seed": fileURLToPath(new URL("./prisma/seed", import.meta.url)),
    },
  },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  // KERN's stylesheet without the components, utilities, icons and dark theme the portal does not use.
  css: { postcss: { plugins: [kernCssSubset()] } },
  server: { port: 3000 },
  build: { target: "es2022" },
});
