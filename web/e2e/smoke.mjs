// A quick look at a running server (not part of make test): signs in as the
// demo user given and checks the home screen. Usage:
//   node e2e/smoke.mjs http://localhost:8090 email password [path]
import { checkScreen, launch, openTab, signIn } from "./browser.mjs";

const [base, email, password, path] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await openTab(browser, base);
  await signIn(page, email, password);
  if (path) await page.goto(path);
  const violations = await checkScreen(page, "e2e/screenshots/smoke", (path ?? "home").replace(/\W+/g, "_"));
  console.log(violations.length ? violations.join("\n") : "no serious or critical violations");
  if (page.consoleErrors.length) console.log("console errors:", page.consoleErrors);
} finally {
  await browser.close();
}
