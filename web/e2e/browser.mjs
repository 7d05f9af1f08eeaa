// Helpers of the browser tests: Debian's Chromium driven by playwright-core,
// screenshots of a screen at desktop and phone width, and an axe-core check
// that fails on serious or critical accessibility violations.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

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

/**
 * Checks the screen page shows: no serious or critical axe violations, then
 * screenshots at desktop and phone width into dir as <name>-desktop.png and
 * <name>-phone.png; and no English on it (checkIndonesian). Returns the
 * violations found (empty when clean).
 */
export async function checkScreen(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  const found = [];
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await settled(page);
    if (size === "desktop") found.push(...(await checkIndonesian(page, name)));
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
