// Builds the web app into dist/, which the Go package in this folder embeds
// (see embed.go). `npm run dev` serves it with hot reload and sends /v1 to a
// `proper serve` on localhost:8080.
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each script, style
 * sheet, page and SVG of the build, which the server sends to browsers that
 * accept them (api/webapp.go): a phone on slow 4G then downloads a third of
 * the bytes, and the server compresses nothing at run time. Both are made
 * at the highest level, and the gzip header carries no time and a fixed
 * system byte, so the same sources always build the same files (web/check.sh
 * compares them). A copy that would not be smaller is not written.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg)$/;
  return {
    name: "proper-precompress",
    apply: "build",
    writeBundle(options) {
      const dir = options.dir!;
      const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => compressible.test(f));
      for (const file of files) {
        const path = join(dir, file);
        const data = readFileSync(path);
        const br = brotliCompressSync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        });
        const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
        gz[9] = 255; // the OS byte: "unknown" on every system (zlib writes its own, which differs on macOS)
        if (br.length < data.length) writeFileSync(path + ".br", br);
        if (gz.length < data.length) writeFileSync(path + ".gz", gz);
      }
    },
  };
}

/**
 * Moves the app's style sheet links from the head to the end of the body.
 * In the head a style sheet holds back the first paint until it arrives, one
 * more round trip on a slow network; at the end of the body it holds back
 * nothing above it, so the shell in index.html (styled inline) paints as
 * soon as the page arrives. The scripts still wait for it before they run,
 * so the app never shows unstyled.
 */
function stylesAfterShell(): Plugin {
  return {
    name: "proper-styles-after-shell",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        const links: string[] = [];
        html = html.replace(/\s*(<link rel="stylesheet"[^>]*>)/g, (_, link: string) => {
          links.push(link);
          return "";
        });
        return html.replace(/\s*<\/body>/, (end) => links.map((link) => "\n    " + link).join("") + end);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), stylesAfterShell(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { "/v1": "http://localhost:8080" } },
});
