// The web app words problems by their code, from the catalogue the server
// generates (src/i18n/codes.ts); it keeps no pattern over the server's
// English text. Run by web/check.sh (make web-check).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const src = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

test("no source matches a pattern against a problem's detail or message", () => {
  const offending = [];
  for (const path of sources(src)) {
    readFileSync(path, "utf8").split("\n").forEach((line, i) => {
      if (/(detail|message)\??\.(match|replace|search)\(|\.test\((\w+\.)*(detail|message)|messages:\s*\[\s*\[\//i.test(line)) {
        offending.push(`${path.slice(src.length + 1)}:${i + 1}: ${line.trim()}`);
      }
    });
  }
  assert.deepEqual(offending, []);
});

test("every code has Indonesian wording in the generated catalogue", () => {
  const text = readFileSync(join(src, "i18n", "codes.ts"), "utf8");
  const entries = [...text.matchAll(/^\s+"([a-z0-9_.]+)": "(.*)",$/gm)];
  assert.ok(entries.length > 100, `only ${entries.length} codes`);
  for (const [, code, wording] of entries) assert.ok(wording.trim().length > 0, code);
});
