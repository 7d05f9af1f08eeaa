// A check of the whole-loop browser test: the project screen shows the
// steps the API's answers offer, no more and no fewer. Each control of a
// step carries data-action="<operationId>"; the check reads the project,
// its milestones, their evidence and the publication with the tab's own
// token, and compares what they offer with what the screen shows.

/** The steps the project screen shows for each kind of resource (what it does not show, e.g. add-coaching-note, is left out). */
const shownSteps = {
  project: ["update-project", "submit-design", "review-design", "start-implementation", "submit-final", "create-milestone", "list-coaching-notes", "record-assessment", "list-similar-projects"],
  publication: ["publish-project", "unpublish-project"],
  milestone: ["update-milestone", "delete-milestone", "start-milestone", "claim-milestone", "verify-milestone", "submit-evidence"],
  evidence: ["withdraw-evidence", "review-evidence"],
};

/** The API's answers about the project, read in the page with the signed-in token. */
function readOffers(page, projectId) {
  return page.evaluate(async (projectId) => {
    const { token } = JSON.parse(localStorage.getItem("proper.session") ?? "{}");
    const get = async (path) => {
      const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
      return res.json();
    };
    const project = await get(`/v1/projects/${projectId}`);
    const milestones = (await get(`/v1/projects/${projectId}/milestones?limit=200`)).items;
    const evidence = (await Promise.all(milestones.map((m) => get(`/v1/milestones/${m.id}/evidence?limit=200`)))).flatMap((l) => l.items);
    const publication = await get(`/v1/projects/${projectId}/publication`);
    return { project, milestones, evidence, publication };
  }, projectId);
}

/** What the screen shows: "kind id action" for every visible control with data-action, and "milestone id action" for each refusal it words. */
function readScreen(page, projectId) {
  return page.evaluate((projectId) => {
    const visible = (el) => el.getClientRects().length > 0;
    const owner = (el) => {
      const evidence = el.closest("[data-evidence]");
      if (evidence) return `evidence ${evidence.getAttribute("data-evidence")}`;
      const milestone = el.closest("[data-milestone]");
      if (milestone) return `milestone ${milestone.getAttribute("data-milestone")}`;
      if (el.closest("#etalase")) return "publication";
      return `project ${projectId}`;
    };
    const shown = [...document.querySelectorAll("[data-action]")].filter(visible).map((el) => `${owner(el)} ${el.getAttribute("data-action")}`);
    const refused = [...document.querySelectorAll("[data-refused]")].filter(visible).map((el) => `${owner(el)} ${el.getAttribute("data-refused")}`);
    return { shown: [...new Set(shown)].sort(), refused: [...new Set(refused)].sort() };
  }, projectId);
}

/**
 * Opens the project afresh as the tab's user (who, for the message) and
 * checks that the visible steps are exactly those the answers offer: the
 * project's, the publication's (or, before one exists, the project's
 * publish-project), each milestone's and each evidence's. Every refusal
 * the screen words must be one the milestone's answer gives. Returns what
 * the screen showed.
 */
export async function expectOfferedSteps(page, projectId, who) {
  await page.goto(`/proyek/${projectId}`);
  await page.getByRole("region", { name: "Ringkasan proyek" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Linimasa" }).waitFor();
  await page.waitForLoadState("networkidle", { timeout: 10000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector(".loading"), undefined, { timeout: 15000 });

  const answers = await readOffers(page, projectId);
  const screen = await readScreen(page, projectId);
  const expected = new Set();
  const offered = (kind, id, resource) => {
    for (const action of resource?.actions ?? []) if (shownSteps[kind].includes(action)) expected.add(id ? `${kind} ${id} ${action}` : `${kind} ${action}`);
  };
  offered("project", projectId, answers.project);
  offered("publication", undefined, { actions: (answers.publication ?? answers.project).actions.filter((a) => a === "publish-project").concat((answers.publication?.actions ?? []).filter((a) => a === "unpublish-project")) });
  for (const m of answers.milestones) offered("milestone", m.id, m);
  for (const e of answers.evidence) offered("evidence", e.id, e);

  const shown = new Set(screen.shown);
  const missing = [...expected].filter((x) => !shown.has(x));
  const extra = [...shown].filter((x) => !expected.has(x));
  if (missing.length || extra.length) {
    throw new Error(`the project screen of ${who} does not show what the API offers: missing ${JSON.stringify(missing)}, not offered ${JSON.stringify(extra)}`);
  }
  const refusals = new Set(answers.milestones.flatMap((m) => m.refusedActions.map((r) => `milestone ${m.id} ${r.action}`)));
  const unfounded = screen.refused.filter((r) => !refusals.has(r));
  if (unfounded.length) throw new Error(`the project screen of ${who} words refusals the API does not give: ${JSON.stringify(unfounded)}`);
  return { ...screen, answers };
}
