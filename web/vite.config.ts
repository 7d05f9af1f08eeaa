// Builds the web app into dist/, which the Go package in this folder embeds
// (see embed.go). `npm run dev` serves it with hot reload and sends /v1 to a
// `proper serve` on localhost:8080.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { "/v1": "http://localhost:8080" } },
});
