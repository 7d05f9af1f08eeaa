// The design of a draft project, edited by its participant: saved with
// update-project (a JSON merge patch of the changed fields, If-Match) and
// submitted with submit-design, whose 422 names every missing item.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, api, etag, ok, type Problem, type Schema } from "../../api";
import { t } from "../../i18n";
import { offers } from "../../offers";
import { useLeaveGuard } from "../../router";
import { Button, Field, ProblemAlert, reword, TextArea, useAction } from "../../ui";
import type { Project } from "./model";
import { namesField } from "./problems";
import { SectionsEditor, sectionsDraftOf, sectionsOf, storedSections, type SectionsDraft } from "./DesignSections";
import { StakeholderEditor, fromRows, toRows, type StakeholderRow } from "./Stakeholders";

type Text = "title" | "background" | "problem" | "goal" | "benefits" | "scope";

type Draft = Record<Text, string> & { areas: string; stakeholders: StakeholderRow[]; sections: SectionsDraft };

const texts: Text[] = ["title", "background", "problem", "goal", "benefits", "scope"];

function draftOf(p: Project): Draft {
  return {
    title: p.title,
    background: p.background,
    problem: p.problem,
    goal: p.goal,
    benefits: p.benefits,
    scope: p.scope,
    areas: p.innovationAreas.join(", "),
    stakeholders: toRows(p.stakeholders),
    sections: sectionsDraftOf(p),
  };
}

/** The tags typed as "a, b, c", trimmed, without empty ones. */
function areasOf(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The merge patch of what differs between draft and the stored project. */
function patchOf(draft: Draft, p: Project): Schema<"ProjectPatch"> {
  const patch: Schema<"ProjectPatch"> = {};
  for (const k of texts) if (draft[k] !== p[k]) patch[k] = draft[k];
  const areas = areasOf(draft.areas);
  if (areas.join("\n") !== p.innovationAreas.join("\n")) patch.innovationAreas = areas;
  const stakeholders = fromRows(draft.stakeholders);
  if (JSON.stringify(stakeholders) !== JSON.stringify(p.stakeholders)) patch.stakeholders = stakeholders;
  const sections = sectionsOf(draft.sections);
  const stored = storedSections(p);
  if (JSON.stringify(sections.successIndicators) !== JSON.stringify(stored.successIndicators)) patch.successIndicators = sections.successIndicators;
  if (JSON.stringify(sections.team) !== JSON.stringify(stored.team)) patch.team = sections.team;
  if (JSON.stringify(sections.risks) !== JSON.stringify(stored.risks)) patch.risks = sections.risks;
  if (JSON.stringify(sections.resources) !== JSON.stringify(stored.resources)) patch.resources = sections.resources;
  if (sections.strategicAlignment !== stored.strategicAlignment) patch.strategicAlignment = sections.strategicAlignment;
  return patch;
}

/** Where the unsaved design of a project is kept on this device, so that nothing typed is lost. */
const draftKey = (projectId: string) => `proper.design-draft.${projectId}`;

/** The draft kept on this device for p, if it differs from the stored design. */
function keptDraft(p: Project): Draft | undefined {
  try {
    const text = localStorage.getItem(draftKey(p.id));
    if (!text) return undefined;
    const kept = { ...draftOf(p), ...(JSON.parse(text) as Partial<Draft>) };
    return Object.keys(patchOf(kept, p)).length > 0 ? kept : undefined;
  } catch {
    return undefined; // storage blocked or a draft unreadable: start from the stored design
  }
}

/** Keeps draft on this device, or forgets it when undefined. */
function keepDraft(projectId: string, draft: Draft | undefined) {
  try {
    if (draft) localStorage.setItem(draftKey(projectId), JSON.stringify(draft));
    else localStorage.removeItem(draftKey(projectId));
  } catch {
    // storage full or blocked: the warning before leaving still guards the work
  }
}

/** Field messages of submit-design's 422, in Indonesian. */
const submitWording = () => ({
  fields: {
    title: t("problem.msg.requiredToSubmit"),
    problem: t("problem.msg.requiredToSubmit"),
    goal: t("problem.msg.requiredToSubmit"),
    milestones: t("participant.design.needsShortMilestone"),
  },
  details: { 409: t("participant.design.notDraft"), 422: t("participant.design.incomplete") },
});

type Props = {
  project: Project;
  /** Whether the project has a short-term milestone now (submit-design needs one). */
  hasShortMilestone: boolean;
  onSaved: (p: Project) => void;
  /** Reports submit-design's problem (or its end), for the milestones section. */
  onProblem: (problem: Problem | undefined) => void;
  /** Loads the stored design again after a 412, dropping the edits. */
  reload: () => void;
};

/** The editable design of a project whose answer offers update-project (a draft, to its participant). */
export function DesignForm({ project, hasShortMilestone, onSaved, onProblem, reload }: Props) {
  const [restored] = useState(() => keptDraft(project));
  const [draft, setDraft] = useState<Draft>(() => restored ?? draftOf(project));
  const [showRestored, setShowRestored] = useState(restored !== undefined);
  const [pending, setPending] = useState<"save" | "submit">();
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const form = useRef<HTMLFormElement>(null);
  const patch = patchOf(draft, project);
  const dirty = Object.keys(patch).length > 0;
  const error = reword(action.error, submitWording());
  const problem = error?.problem;

  // Unsaved changes are kept on this device and guarded when leaving.
  useEffect(() => keepDraft(project.id, dirty ? draft : undefined), [project.id, dirty, draft]);
  useLeaveGuard(dirty ? t("participant.design.leaveUnsaved") : undefined);

  const discard = () => {
    setShowRestored(false);
    setDraft(draftOf(project));
  };

  // After a refused submit, go to the first field it names.
  useEffect(() => {
    if (action.error?.problem.errors?.length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [action.error]);

  const edit = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };

  /** Saves the changes, if any, and returns the stored project. */
  const save = async (): Promise<Project> => {
    if (!dirty) return project;
    const sent = draft;
    const stored = await ok(
      api.PATCH("/v1/projects/{projectId}", {
        params: { path: { projectId: project.id }, header: { "If-Match": etag(project.version) } },
        body: patch,
        headers: { "Content-Type": "application/merge-patch+json" },
      }),
    );
    onSaved(stored);
    // Show what the API kept (trimmed, tags in lower case), unless typing went on meanwhile.
    setDraft((d) => (d === sent ? draftOf(stored) : d));
    return stored;
  };

  const run = (which: "save" | "submit") => {
    setPending(which);
    setConfirming(false);
    setSaved(false);
    void action.run(async () => {
      try {
        const stored = await save();
        if (which === "save") {
          setShowRestored(false);
          setSaved(true);
          return;
        }
        const submitted = await ok(
          api.POST("/v1/projects/{projectId}/design/submit", {
            params: { path: { projectId: project.id }, header: { "If-Match": etag(stored.version) } },
          }),
        );
        onProblem(undefined);
        keepDraft(project.id, undefined);
        onSaved(submitted);
      } catch (e) {
        if (which === "submit" && e instanceof ApiError) onProblem(reword(e, submitWording())?.problem);
        throw e;
      }
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run("save");
  };

  const milestonesMessage = hasShortMilestone ? undefined : namesField(problem, "milestones");
  const stale = action.error?.problem.status === 412;

  return (
    <form ref={form} className="design-form" onSubmit={onSubmit} noValidate aria-label={t("participant.design.formLabel")} data-action="update-project">
      {showRestored && dirty && (
        <div className="alert alert-info" role="status">
          <p>{t("participant.design.draftRestored")}</p>
          <button type="button" className="btn btn-small" onClick={discard}>
            {t("participant.design.discardDraft")}
          </button>
        </div>
      )}
      <Field label={t("participant.design.title")} name="title" problem={problem} value={draft.title} maxLength={200} onChange={(e) => edit({ title: e.target.value })} hint={t("participant.design.titleHint")} />
      <TextArea label={t("participant.design.background")} name="background" problem={problem} value={draft.background} onChange={(e) => edit({ background: e.target.value })} />
      <TextArea label={t("participant.design.problem")} name="problem" problem={problem} value={draft.problem} onChange={(e) => edit({ problem: e.target.value })} />
      <TextArea label={t("participant.design.goal")} name="goal" problem={problem} value={draft.goal} onChange={(e) => edit({ goal: e.target.value })} />
      <TextArea label={t("participant.design.benefits")} name="benefits" problem={problem} value={draft.benefits} onChange={(e) => edit({ benefits: e.target.value })} />
      <TextArea label={t("participant.design.scope")} name="scope" problem={problem} value={draft.scope} onChange={(e) => edit({ scope: e.target.value })} />
      <Field label={t("participant.design.areas")} name="innovationAreas" problem={problem} value={draft.areas} onChange={(e) => edit({ areas: e.target.value })} hint={t("participant.design.areasHint")} />
      <StakeholderEditor rows={draft.stakeholders} onChange={(stakeholders) => edit({ stakeholders })} problem={problem} />
      <SectionsEditor draft={draft.sections} onChange={(change) => edit({ sections: { ...draft.sections, ...change } })} problem={problem} />

      {milestonesMessage && (
        <p className="field-error" role="alert">
          {milestonesMessage} <a href="#tahapan">{t("participant.design.toMilestones")}</a>
        </p>
      )}
      <ProblemAlert error={error} fieldsShown />
      {stale && (
        <p>
          <button type="button" className="btn btn-small" onClick={reload}>
            {t("participant.reload")}
          </button>
        </p>
      )}
      {saved && !dirty && (
        <p className="alert alert-ok" role="status">
          {t("participant.design.saved")}
        </p>
      )}
      {dirty && <p className="muted">{t("participant.design.unsaved")}</p>}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t("participant.design.submit")}>
          <p>{t("participant.design.submitConfirm")}</p>
          <div className="actions">
            <Button type="button" className="btn-primary" onClick={() => run("submit")}>
              {t("participant.design.submitYes")}
            </Button>
            <Button type="button" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <Button type="submit" busy={action.busy && pending === "save"} disabled={action.busy}>
            {t("participant.design.save")}
          </Button>
          {offers(project, "submit-design") && (
            <Button type="button" className="btn-primary" data-action="submit-design" busy={action.busy && pending === "submit"} busyLabel={t("participant.design.submitting")} disabled={action.busy} onClick={() => setConfirming(true)}>
              {t("participant.design.submit")}
            </Button>
          )}
        </div>
      )}
      {offers(project, "submit-design") && <p className="hint">{t("participant.design.submitHint")}</p>}
    </form>
  );
}
