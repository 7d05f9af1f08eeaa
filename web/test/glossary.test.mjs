// The web app's words follow docs/GLOSSARY.md: every text of src/i18n/*.ts
// (the messages, the problem codes' wording, the timeline's sentences) is
// checked against the forbidden variants of the glossary's table, read as
// domain/glossary_test.go reads it for the server's catalogue and e-mails.
// Run by `npm test` and web/check.sh (make web-check).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { loadI18n } from "./i18n-modules.mjs";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const i18n = join(web, "src", "i18n");

/**
 * The concepts of the glossary's table: the rows after "| Concept | Term |
 * Never |", with the terms and the forbidden variants each in backticks.
 */
function readGlossary() {
  const text = readFileSync(join(web, "..", "docs", "GLOSSARY.md"), "utf8");
  const concepts = [];
  let inTable = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("| Concept |")) {
      inTable = true;
      continue;
    }
    if (!line.startsWith("|")) {
      inTable = false;
      continue;
    }
    if (!inTable || line.startsWith("|---")) continue;
    const cells = line.replace(/^\||\|$/g, "").split("|");
    const ticked = (cell) => [...(cell ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    concepts.push({ name: cells[0].trim(), terms: ticked(cells[1]), never: ticked(cells[2]) });
  }
  return concepts;
}

const glossary = readGlossary();
const isWord = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The forbidden variants text uses. A variant is found whatever its case,
 * as a whole word where it begins or ends with a letter or digit; an
 * occurrence spelled as one of its row's terms is allowed. Placeholders
 * ({cohort}) are left out.
 */
export function problems(text) {
  text = text.replace(/\{\w+\}/g, "{}"); // a placeholder's name is no word of the text
  const out = [];
  for (const c of glossary) {
    for (const variant of c.never) {
      for (const m of text.matchAll(new RegExp(escape(variant), "giu"))) {
        const found = m[0];
        const start = m.index;
        const end = start + found.length;
        const chars = [...found];
        if ((isWord(chars[0]) && isWord([...text.slice(0, start)].at(-1))) || (isWord(chars.at(-1)) && isWord([...text.slice(end)][0]))) continue;
        if (c.terms.includes(found)) continue;
        out.push(`"${found}" (write ${c.terms.join(" / ")})`);
      }
    }
  }
  return out;
}

/** Sample details of a timeline entry, in every variant its sentences branch on. */
const samples = [
  { title: "Antrean Daring Adminduk", comment: "Perjelas indikator", role: "mentor", decision: "approve", seminar: "design", mentor: "Drs. Agus", previousMentor: "Dra. Ratna" },
  { title: "SK Tim Efektif", decision: "return", seminar: "final", changes: [{ field: "group", from: "Kelompok 1", to: "Kelompok 2" }, { field: "coach", from: "", to: "Dr. Bambang" }] },
  {},
];

/** Every text a module's exports hold or make: strings, and what functions return for the samples. */
function texts(value, where, out = []) {
  if (typeof value === "string") out.push([where, value]);
  else if (typeof value === "function") {
    for (const [i, d] of samples.entries()) {
      for (const system of [false, true]) {
        try {
          const v = value(d, system);
          if (typeof v === "string") out.push([`${where}(sample ${i}${system ? ", by the system" : ""})`, v]);
        } catch {
          // a function that needs other arguments is checked by its literals
        }
      }
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) texts(v, `${where}.${k}`, out);
  }
  return out;
}

/**
 * The string literals of a TypeScript source, with their lines: not object
 * keys, import paths or names ("milestone", "design_submitted"), which are
 * no prose. Template literals count without their ${…} parts.
 */
function literals(path) {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true);
  const out = [];
  const visit = (node) => {
    let text;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" … ");
    if (text !== undefined) {
      const parent = node.parent;
      const isKey = parent && ts.isPropertyAssignment(parent) && parent.name === node;
      const isImport = parent && (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent));
      if (!isKey && !isImport && !/^[a-z0-9_.]*$/.test(text)) {
        out.push([`${path.slice(web.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, text]);
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

test("the glossary's table lists its concepts with their forbidden variants", () => {
  assert.ok(glossary.length >= 20, `only ${glossary.length} concepts`);
  for (const c of glossary) assert.ok(c.terms.length > 0, `${c.name} has no term`);
  const found = problems("Milestone Anda «X» jatuh tempo; Tambah bukti capaian di menu Tinjauan. Sangat memuaskan, tahap 2")
    .map((p) => p.slice(0, p.indexOf(" (")))
    .sort();
  const want = ['"Milestone"', '"jatuh tempo"', '"Tambah"', '"«"', '"bukti capaian"', '"menu Tinjauan"', '"Tinjauan"', '"»"', '"Sangat memuaskan"', '"tahap"'];
  assert.deepEqual(found, want.sort());
  assert.deepEqual(problems("Tambahkan tahapan “X”; tenggat tahapan; bukti dukung; Antrean telaah; Sangat Memuaskan; tambahan; Penilaian"), []);
});

test("every text of src/i18n follows the glossary", async () => {
  const modules = await loadI18n("proper-i18n");
  // Each problem once, where it is first found: a message is both a value
  // of an export and a literal of its file.
  const offending = new Map();
  const check = ([where, text]) => {
    for (const p of problems(text)) {
      const what = `${p}: ${JSON.stringify(text)}`;
      if (!offending.has(what)) offending.set(what, `${where} says ${what}`);
    }
  };
  for (const [file, module] of Object.entries(modules)) texts(module, `src/i18n/${file}`).forEach(check);
  for (const file of Object.keys(modules)) literals(join(i18n, file)).forEach(check);
  assert.deepEqual([...offending.values()], []);
});
