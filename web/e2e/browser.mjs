// Helpers of the browser tests: Debian's Chromium driven by playwright-core,
// screenshots of a screen at desktop and phone width, and an axe-core check
// that fails on serious or critical accessibility violations.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadI18n } from "../test/i18n-modules.mjs";

/** Where Chromium is: PROPER_CHROMIUM, else Debian's package. */
export const chromiumPath = process.env.PROPER_CHROMIUM || "/usr/bin/chromium";

/** Starts headless Chromium with the flags this machine's closed network needs. */
export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** The widths every screen is checked at. */
export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

/**
 * A browser tab for one person, signed in through the UI's own forms. The
 * tab records every failed API answer and console error it sees, so a
 * screen that silently breaks fails the test.
 */
export async function openTab(browser, baseURL) {
  const context = await browser.newContext({ baseURL, viewport: viewports.desktop, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on("console", (m) => {
    // The browser logs every 4xx answer; the tests provoke those on purpose
    // (a form's problems), so only other errors count.
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) page.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => page.consoleErrors.push(String(e)));
  return page;
}

/** Signs in through the sign-in screen and waits for the home screen. */
export async function signIn(page, email, password) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
}

/**
 * Waits until the screen has loaded what it shows: no loading indicator
 * left, and the network quiet (or busy only with an embedded viewer, such
 * as Chromium's PDF viewer, which may never go quiet).
 */
async function settled(page) {
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector(".loading"), undefined, { timeout: 15000 });
}

/**
 * Common English words, as whole words, that must not reach an Indonesian
 * screen: a message the web app forgot to word, or the API's English
 * detail shown as it is.
 */
const english = ["the", "and", "must", "not found", "error", "errors", "required", "invalid", "forbidden", "submit", "cancel", "loading", "failed", "please", "unauthorized", "cannot", "should", "is not", "already", "unknown", "missing", "too large", "not allowed"];
const englishWords = new RegExp(`(?<![\\p{L}\\p{N}_@./-])(?:${english.map((w) => w.replace(/ /g, "\\s+")).join("|")})(?![\\p{L}\\p{N}_@/-])`, "giu");

/** Texts the test itself typed (names, titles), left out of the English check. */
const typedTexts = new Set();

/** Remembers texts the test types, which the English check skips (a name may be English). */
export function typed(...texts) {
  for (const text of texts) if (text) typedTexts.add(String(text));
}

/** The English words found in text (the visible text of a screen), without what the test typed. */
export function englishIn(text) {
  let rest = text;
  for (const t of [...typedTexts].sort((a, b) => b.length - a.length)) rest = rest.split(t).join(" ");
  return [...new Set([...rest.matchAll(englishWords)].map((m) => m[0].toLowerCase().replace(/\s+/g, " ")))];
}

/** Fails with the English words the screen page shows, if any (name names the screen). */
export async function checkIndonesian(page, name) {
  const text = await page.evaluate(() => document.body.innerText);
  const found = englishIn(text);
  if (found.length === 0) return [];
  const lines = text.split("\n").filter((l) => englishIn(l).length > 0).slice(0, 3);
  return [`${name}: English on screen (${found.join(", ")}): ${lines.map((l) => JSON.stringify(l.trim().slice(0, 120))).join(" | ")}`];
}

/** Every string the web app's catalogue holds (src/i18n/*.ts: the codes' wordings and the app's messages). */
function catalogueStrings(value, out = []) {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) catalogueStrings(v, out);
  return out;
}

const i18n = await loadI18n("proper-i18n-e2e");
/** The program words of PKA and PKP, which reword the catalogue on their cohorts' screens. */
const aksiTerms = { product: "Aksi Perubahan", productInSentence: "aksi perubahan", design: "Rancangan Aksi Perubahan", report: "Laporan Aksi Perubahan", abbreviation: "Aksi Perubahan" };
const normalized = (s) => s.replace(/\s+/g, " ").trim();
/**
 * The wordings of the catalogue as one alternation, in the PKN words and in
 * the words of PKA/PKP, their {placeholders} standing for any text.
 */
const wording = [...new Set(Object.values(i18n).flatMap((m) => catalogueStrings(m)))]
  .flatMap((text) => [text, i18n["terms.ts"].reword(text, aksiTerms)])
  .map((text) => normalized(text).split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+?"))
  .join("|");
/** A line of one or more wordings of the catalogue, side by side (a message and its link, say). */
const worded = new RegExp(`^(?:${wording})(?: (?:${wording}))*$`, "su");

/**
 * The problems page shows (every line of its alerts, without the request
 * fields' names in <code> and the buttons) that are not worded from the
 * catalogue: the API's English detail shown as it is, or a message the web
 * app made up outside its catalogue. Texts the test typed are allowed.
 */
export async function checkProblemsWorded(page, name) {
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll("[role=alert]")]
      .filter((el) => el.getClientRects().length > 0)
      .flatMap((el) => {
        let text = el.innerText;
        for (const skip of el.querySelectorAll("code, button")) text = text.replace(skip.innerText, " ");
        return text.split(/[\n\t]/);
      }),
  );
  const unworded = [...new Set(lines.map((l) => l.replace(/\s+/g, " ").trim()))]
    .filter((l) => l !== "" && !typedTexts.has(l) && !/^[\d\s.,:#-]*$/.test(l))
    .filter((l) => !worded.test(l));
  return unworded.map((l) => `${name}: a problem not worded from the catalogue: ${JSON.stringify(l.slice(0, 160))}`);
}

/**
 * Checks the screen page shows: no serious or critical axe violations, then
 * screenshots at desktop and phone width into dir as <name>-desktop.png and
 * <name>-phone.png; no English on it (checkIndonesian) and every problem
 * it shows worded from the catalogue (checkProblemsWorded). Returns the
 * violations found (empty when clean).
 */
export async function checkScreen(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  const found = [];
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await settled(page);
    if (size === "desktop") found.push(...(await checkIndonesian(page, name)), ...(await checkProblemsWorded(page, name)));
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const v of results.violations) {
      if (v.impact === "serious" || v.impact === "critical") {
        found.push(`${name} (${size}): ${v.id} — ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      }
    }
    await page.screenshot({ path: join(dir, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
  return found;
}
