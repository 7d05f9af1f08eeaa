// The web app's catalogue (src/i18n/*.ts) for node scripts: the glossary
// test reads every text of it, and the browser tests check that each
// problem a screen shows is one of its wordings.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const i18n = join(web, "src", "i18n");

/**
 * The i18n modules by file name, transpiled into node_modules/.cache/<cache>
 * with their relative imports kept working; each caller names its own cache
 * folder, since node --test runs the test files at once.
 */
export async function loadI18n(cache) {
  const dir = join(web, "node_modules", ".cache", cache);
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(i18n).filter((f) => f.endsWith(".ts"));
  for (const f of files) {
    const js = ts.transpileModule(readFileSync(join(i18n, f), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    }).outputText.replace(/from "\.\/([\w-]+)"/g, 'from "./$1.mjs"');
    writeFileSync(join(dir, f.replace(/\.ts$/, ".mjs")), js);
  }
  const modules = {};
  for (const f of files) modules[f] = await import(pathToFileURL(join(dir, f.replace(/\.ts$/, ".mjs"))).href);
  return modules;
}
