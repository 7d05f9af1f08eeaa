// Unit tests of the web app's CSV helpers, run by `npm test` and web/check.sh
// (make web-check) with Node's own test runner: the TypeScript source is
// transpiled with the project's TypeScript into node_modules/.cache, where
// its imports (react) resolve, and imported from there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");

async function load(source) {
  const js = ts.transpileModule(readFileSync(join(web, source), "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX },
  }).outputText;
  const dir = join(web, "node_modules", ".cache", "proper-unit");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, source.replace(/[/\\]/g, "_") + ".mjs");
  writeFileSync(file, js);
  return import(pathToFileURL(file).href);
}

const { toCsv, parseCsv } = await load("src/pages/organizer/csv.ts");

// The cells of a CSV file as a spreadsheet reads them: text after the BOM.
const cells = (text) => parseCsv(text.replace(/^\uFEFF/, "")).flatMap((r) => r.values);

test("cells a spreadsheet would run as formulas are written quoted with a leading single quote (CSV injection)", () => {
  for (const formula of ["=HYPERLINK(\"https://evil.example\",\"Klik\")", "+62 812", "-2+3", "@SUM(A1)", "\t=1+1", "\r=2+2"]) {
    const text = toCsv([["nama", "kode_aktivasi"], [formula, "K0DE"]]);
    const quoted = `"'${formula.replace(/"/g, '""')}"`;
    assert.ok(text.includes(quoted + ",K0DE\r\n"), `${JSON.stringify(formula)} is written as ${JSON.stringify(text)}, want ${quoted}`);
  }
});

test("other cells are written as they are, quoted only where CSV needs it", () => {
  const text = toCsv([["nama", "email"], ["Budi Peserta", "budi@example.go.id"], ["Antrean; Daring", 'Sebut "A"'], ["'=1", "1-2"]]);
  assert.equal(text, '\uFEFFnama,email\r\nBudi Peserta,budi@example.go.id\r\n"Antrean; Daring","Sebut ""A"""\r\n\'=1,1-2\r\n');
  assert.deepEqual(cells(text), ["nama", "email", "Budi Peserta", "budi@example.go.id", "Antrean; Daring", 'Sebut "A"', "'=1", "1-2"]);
});
