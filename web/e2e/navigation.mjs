// Moving between pages on a phone, as a screen reader or a thumb meets it:
// each change of page (a link followed, the browser's Back) puts focus on the
// new page's heading and announces its title in a live region, and every
// button, field and link drawn as a button is at least 44 px high at phone
// width. Needs no account: it walks the public pages (sign-in, activation,
// the showcase).
//
// Usage: PROPER_BASE_URL=http://127.0.0.1:8080 node e2e/navigation.mjs
import { launch, viewports } from "./browser.mjs";

const base = process.env.PROPER_BASE_URL;
if (!base) {
  console.error("PROPER_BASE_URL is not set");
  process.exit(2);
}

const failures = [];

/** Waits until the focused element is the page's h1 with text, and the live region says that text. */
async function expectHeadingFocusedAndAnnounced(page, what) {
  try {
    await page.waitForFunction(
      () => {
        const h = document.activeElement;
        const region = [...document.querySelectorAll('[aria-live="polite"]')].find((e) => !document.getElementById("root")?.contains(e));
        return h?.tagName === "H1" && h.getAttribute("tabindex") === "-1" && h.textContent.trim() !== "" && region?.textContent === h.textContent.trim();
      },
      undefined,
      { timeout: 10_000 },
    );
    const heading = await page.evaluate(() => document.activeElement.textContent.trim());
    console.log(`  ${what}: focus on the heading "${heading}", announced`);
  } catch {
    const state = await page.evaluate(() => ({
      focused: document.activeElement?.outerHTML.slice(0, 120),
      announced: [...document.querySelectorAll('[aria-live="polite"]')].map((e) => e.textContent).join(" | "),
    }));
    failures.push(`${what}: the heading was not focused and announced (focus on ${state.focused}; live regions say "${state.announced}")`);
  }
}

/** Checks that every visible control a finger presses is at least 44 px high. */
async function expectTouchTargets(page, what) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, a.btn, select, textarea, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), .topbar nav a')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => ({ what: `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute("name") || "").trim().slice(0, 40)}"`, height: e.getBoundingClientRect().height }))
      .filter((e) => e.height < 44),
  );
  for (const s of small) failures.push(`${what}: ${s.what} is ${s.height.toFixed(1)} px high, under 44 px`);
  if (small.length === 0) console.log(`  ${what}: every button, field and button-like link is at least 44 px high`);
}

const browser = await launch();
try {
  const context = await browser.newContext({ baseURL: base, viewport: viewports.phone, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));

  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk" }).waitFor();
  await expectTouchTargets(page, "sign-in at phone width");

  await page.getByRole("link", { name: /Aktifkan akun/ }).click();
  await page.waitForURL("**/aktivasi");
  await expectHeadingFocusedAndAnnounced(page, "sign-in → activation (link)");
  await expectTouchTargets(page, "activation at phone width");

  await page.goBack();
  await page.waitForURL("**/masuk");
  await expectHeadingFocusedAndAnnounced(page, "activation → sign-in (Back)");

  await page.getByRole("link", { name: /etalase/i }).click();
  await page.waitForURL("**/etalase");
  await expectHeadingFocusedAndAnnounced(page, "sign-in → showcase (link, a screen loaded on demand)");
  await page.waitForLoadState("networkidle");
  await expectTouchTargets(page, "showcase at phone width");

  if (errors.length) failures.push("page errors: " + errors.join("; "));
} finally {
  await browser.close();
}

if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log("navigation: focus and announcement on every change of page, touch targets of 44 px");
