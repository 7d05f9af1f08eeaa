// The web app keeps no copy of the rules: what a person may do is what the
// API's answers offer (actions, refusedActions), so no source in src/
// decides what to show by comparing a role or a project, milestone or
// evidence status. Run by web/check.sh (make web-check); `node
// test/rules.test.mjs --list` prints every rule copy found.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const src = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

/** The names a rule would compare: roles, and the statuses of projects, milestones and evidence. */
const roles = ["participant", "mentor", "coach", "examiner", "organizer"];
const statuses = [
  ...["draft", "design_submitted", "design_approved", "implementing", "final_submitted", "completed"],
  ...["planned", "in_progress", "awaiting_verification", "achieved"],
  ...["submitted", "approved", "rejected", "withdrawn"],
];
const name = `(?:${[...roles, ...statuses].join("|")})`;
const literal = `(["'\`])${name}\\1`;

/** What a rule copy looks like: a named role or status in a condition, or a check of the user's roles. */
const patterns = [
  ["compared", new RegExp(`(?:===|!==|==|!=)\\s*${literal}|${literal}\\s*(?:===|!==|==|!=)`)],
  ["switch case", new RegExp(`\\bcase\\s+${literal}\\s*:`)],
  ["includes", new RegExp(`\\.includes\\(\\s*${literal}`)],
  ["list checked", new RegExp(`\\[\\s*${literal}[^\\]]*\\](?:\\s*as\\s+const\\s*\\))?\\s*\\.(?:includes|some|every|indexOf)\\(`)],
  ["role predicate", new RegExp(`\\b(?:has|is|can|may)\\w*\\([^()]*${literal}`)],
  ["roles checked", /\b(?:hasRole|cohortsWithRole)\(|\.platformAdmin\b|\.institutions\.length\b/],
];

/**
 * Functions whose comparisons present data and decide nothing the API
 * offers. Keep this list tiny: each entry says why it is not a rule copy.
 */
const allowed = [
  // The short-term milestones achieved, for the progress bar and the final
  // report's warning: a count shown, not a decision.
  ["pages/participant/model.ts", "shortTermProgress"],
  // The cohort's coaches among its staff, as the choices of a coach field:
  // the staff members' roles are the data chosen from, not the user's rights.
  ["pages/organizer/EnrollmentsSection.tsx", "uniqueCoaches"],
];

function sources(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "i18n" ? [] : sources(path); // wording, generated in part
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** text with its comments blanked out (strings kept), so that prose never counts. */
function withoutComments(text) {
  let out = "";
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === quote) quote = null;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop - 1;
    } else {
      if (c === '"' || c === "'" || c === "`") quote = c;
      out += c;
    }
  }
  return out;
}

/** The line ranges (1-based, inclusive) of the allowed functions declared in text: top-level, so each ends at a "}" line. */
function allowedRanges(file, text) {
  const line = (offset) => text.slice(0, offset).split("\n").length;
  const ranges = [];
  for (const [path, fn] of allowed) {
    if (path !== file) continue;
    const at = text.search(new RegExp(`^(?:export\\s+)?function\\s+${fn}\\b`, "m"));
    if (at < 0) continue;
    const end = text.indexOf("\n}", at);
    ranges.push([line(at), line(end < 0 ? text.length : end + 1)]);
  }
  return ranges;
}

/** Every line of src/ that copies a rule, as "file:line: why: code". */
export function ruleCopies() {
  const found = [];
  for (const path of sources(src)) {
    const file = relative(src, path).split(sep).join("/");
    const text = withoutComments(readFileSync(path, "utf8"));
    const ranges = allowedRanges(file, text);
    text.split("\n").forEach((line, i) => {
      const hit = patterns.find(([, re]) => re.test(line));
      if (!hit || ranges.some(([from, to]) => i + 1 >= from && i + 1 <= to)) return;
      found.push(`${file}:${i + 1}: ${hit[0]}: ${line.trim()}`);
    });
  }
  return found;
}

test("no source decides what to show by comparing a role or a status", () => {
  assert.deepEqual(ruleCopies(), [], "show what the answer's actions offer, and why refusedActions refuse, instead");
});

test("every allowed function still exists", () => {
  for (const [file, fn] of allowed) {
    const text = readFileSync(join(src, file), "utf8");
    assert.match(text, new RegExp(`function\\s+${fn}\\b`), `${file} has no function ${fn}: drop it from the allow-list`);
  }
});

if (process.argv.includes("--list")) {
  const copies = ruleCopies();
  for (const c of copies) console.log(c);
  console.log(`${copies.length} rule copies`);
}
