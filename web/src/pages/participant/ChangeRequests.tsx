// Change control after approval (issue #22): the plan's version, the
// project's change requests with the reviewers' verdicts, the participant's
// form to propose one (when the project offers create-change-request), and
// the mentor's and coach's decision on each (when it offers
// decide-change-request). What anyone may do comes from the answers.
import { useState } from "react";
import { api, ok, type Schema } from "../../api";
import { formatDate } from "../../format";
import { t, type MessageKey } from "../../i18n";
import { offers } from "../../offers";
import { Badge, Button, Empty, Field, Load, ProblemAlert, Select, TextArea, statusLabel, useAction, useIdempotencyKeys, useLoad } from "../../ui";
import type { Milestone, Project } from "./model";

type ChangeRequest = Schema<"ChangeRequest">;
type PlanChanges = Schema<"PlanChanges">;
type Choice = "keep" | "retitle" | "redate" | "remove" | "continue";

/** The change requests of a project, and the form to propose one. */
export function ChangeRequests({ project, milestones, onChanged }: { project: Project; milestones: Milestone[]; onChanged: () => void }) {
  const list = useLoad(
    () => ok(api.GET("/v1/projects/{projectId}/change-requests", { params: { path: { projectId: project.id }, query: { limit: 50 } } })),
    [project.id, project.version],
  );
  const changed = () => {
    list.reload();
    onChanged();
  };
  return (
    <div className="change-requests">
      <p className="plan-version">
        {project.planVersion > 0
          ? t("changeRequests.version", { version: project.planVersion, date: formatDate(project.planApprovedAt) })
          : t("changeRequests.versionDraft")}
      </p>
      {(project.planVersion > 0 || offers(project, "create-change-request")) && (
        <>
          <h3>{t("changeRequests.heading")}</h3>
          <p className="hint">{t("changeRequests.intro")}</p>
          <Load loaded={list}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t("changeRequests.empty")}</Empty>
              ) : (
                <ul className="change-request-list">
                  {page.items.map((cr) => (
                    <ChangeRequestItem key={cr.id} cr={cr} milestones={milestones} onChanged={changed} />
                  ))}
                </ul>
              )
            }
          </Load>
          {offers(project, "create-change-request") && <ProposeForm project={project} milestones={milestones} onDone={changed} />}
        </>
      )}
    </div>
  );
}

const statusTones: Record<ChangeRequest["status"], "ok" | "warn" | "bad" | "muted"> = {
  pending: "warn",
  approved: "ok",
  returned: "bad",
  withdrawn: "muted",
};

/** One change request: its status, reason, changes and verdicts, and the caller's decision. */
function ChangeRequestItem({ cr, milestones, onChanged }: { cr: ChangeRequest; milestones: Milestone[]; onChanged: () => void }) {
  const action = useAction();
  const [comment, setComment] = useState("");
  const decide = (decision: "approve" | "return") =>
    action.run(async () => {
      await ok(api.POST("/v1/change-requests/{changeRequestId}/decisions", { params: { path: { changeRequestId: cr.id } }, body: { decision, comment } }));
      onChanged();
    });
  const withdraw = () =>
    action.run(async () => {
      await ok(api.POST("/v1/change-requests/{changeRequestId}/withdrawal", { params: { path: { changeRequestId: cr.id } } }));
      onChanged();
    });
  return (
    <li className="change-request">
      <p>
        <Badge tone={statusTones[cr.status]}>{t(`changeRequestStatus.${cr.status}` as MessageKey)}</Badge> {formatDate(cr.createdAt)}
        {cr.planVersion ? ` — ${t("changeRequests.madeVersion", { version: cr.planVersion })}` : ""}
      </p>
      <p>{cr.reason}</p>
      <ul>
        {summary(cr.changes, milestones).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {cr.reviews.map((r, i) => (
        <p key={i} className="hint">
          {t("changeRequests.review", { role: statusLabel("role", r.role), decision: t(`changeRequestDecision.${r.decision}` as MessageKey) })}
          {r.comment ? `: ${r.comment}` : ""}
        </p>
      ))}
      {cr.decisionComment && <p className="hint">{cr.decisionComment}</p>}
      {offers(cr, "decide-change-request") && (
        <div className="decision">
          <TextArea label={t("changeRequests.comment")} name="comment" problem={action.problem} value={comment} rows={2}
            onChange={(e) => setComment(e.currentTarget.value)} />
          <Button busy={action.busy} onClick={() => void decide("approve")}>{t("changeRequests.approve")}</Button>{" "}
          <Button busy={action.busy} className="secondary" onClick={() => void decide("return")}>{t("changeRequests.return")}</Button>
        </div>
      )}
      {offers(cr, "withdraw-change-request") && (
        <Button busy={action.busy} className="secondary" onClick={() => void withdraw()}>{t("changeRequests.withdraw")}</Button>
      )}
      <ProblemAlert error={action.error} />
    </li>
  );
}

/** The changes of a request, one line each, naming the milestones. */
function summary(c: PlanChanges, milestones: Milestone[]): string[] {
  const title = (id: string) => milestones.find((m) => m.id === id)?.title ?? "";
  const lines: string[] = [];
  for (const a of c.add ?? []) lines.push(t("changeRequests.summaryAdd", { title: a.title }));
  for (const id of c.remove ?? []) lines.push(`${title(id)}: ${t("changeRequests.summaryRemove")}`);
  for (const r of c.retitle ?? []) lines.push(`${title(r.milestoneId)}: ${t("changeRequests.summaryRetitle", { title: r.title })}`);
  for (const r of c.redate ?? []) lines.push(`${title(r.milestoneId)}: ${t("changeRequests.summaryRedate", { date: formatDate(r.dueOn) })}`);
  for (const id of c.continue ?? []) lines.push(`${title(id)}: ${t("changeRequests.summaryContinue")}`);
  if (c.goal) lines.push(t("changeRequests.summaryGoal"));
  if (c.scope) lines.push(t("changeRequests.summaryScope"));
  return lines;
}

/** The participant's proposal: a choice per open milestone, one new milestone, a new goal or scope, and the reason. */
function ProposeForm({ project, milestones, onDone }: { project: Project; milestones: Milestone[]; onDone: () => void }) {
  const open = milestones.filter((m) => offers(m, "update-milestone"));
  const [choices, setChoices] = useState<Record<string, { choice: Choice; value: string }>>({});
  const [reason, setReason] = useState("");
  const [add, setAdd] = useState({ horizon: "short" as Milestone["horizon"], title: "", dueOn: "" });
  const [goal, setGoal] = useState("");
  const [scope, setScope] = useState("");
  const [done, setDone] = useState(false);
  const action = useAction();
  const key = useIdempotencyKeys();

  const body = (): Schema<"ChangeRequestCreate"> => {
    const changes: PlanChanges = { remove: [], retitle: [], redate: [], continue: [], add: [] };
    for (const [id, { choice, value }] of Object.entries(choices)) {
      if (choice === "remove") changes.remove!.push(id);
      if (choice === "continue") changes.continue!.push(id);
      if (choice === "retitle") changes.retitle!.push({ milestoneId: id, title: value });
      if (choice === "redate") changes.redate!.push({ milestoneId: id, dueOn: value });
    }
    if (add.title || add.dueOn) changes.add!.push({ horizon: add.horizon, title: add.title, dueOn: add.dueOn });
    if (goal) changes.goal = goal;
    if (scope) changes.scope = scope;
    return { reason, changes };
  };
  const submit = () =>
    action.run(async () => {
      const b = body();
      await ok(api.POST("/v1/projects/{projectId}/change-requests", { params: { path: { projectId: project.id }, header: { "Idempotency-Key": key(b) } }, body: b }));
      setChoices({});
      setReason("");
      setAdd({ horizon: "short", title: "", dueOn: "" });
      setGoal("");
      setScope("");
      setDone(true);
      onDone();
    });

  return (
    <details className="propose-change">
      <summary>{t("changeRequests.propose")}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {open.map((m) => {
          const c = choices[m.id] ?? { choice: "keep" as Choice, value: "" };
          const set = (next: Partial<{ choice: Choice; value: string }>) => setChoices({ ...choices, [m.id]: { ...c, ...next } });
          return (
            <div key={m.id} className="change-row">
              <Select label={t("changeRequests.change", { title: m.title })} name={`change-${m.id}`} value={c.choice}
                onChange={(e) => set({ choice: e.currentTarget.value as Choice, value: "" })}>
                <option value="keep">{t("changeRequests.keep")}</option>
                <option value="retitle">{t("changeRequests.retitle")}</option>
                <option value="redate">{t("changeRequests.redate")}</option>
                <option value="remove">{t("changeRequests.remove")}</option>
                <option value="continue">{t("changeRequests.continue")}</option>
              </Select>
              {c.choice === "retitle" && (
                <Field label={t("changeRequests.newTitle")} name={`title-${m.id}`} value={c.value} onChange={(e) => set({ value: e.currentTarget.value })} />
              )}
              {c.choice === "redate" && (
                <Field label={t("changeRequests.newDate")} type="date" name={`due-${m.id}`} value={c.value} onChange={(e) => set({ value: e.currentTarget.value })} />
              )}
            </div>
          );
        })}
        <fieldset>
          <legend>{t("changeRequests.add")}</legend>
          <Select label={t("changeRequests.addHorizon")} name="add-horizon" value={add.horizon}
            onChange={(e) => setAdd({ ...add, horizon: e.currentTarget.value as Milestone["horizon"] })}>
            <option value="short">{statusLabel("horizon", "short")}</option>
            <option value="mid">{statusLabel("horizon", "mid")}</option>
            <option value="long">{statusLabel("horizon", "long")}</option>
          </Select>
          <Field label={t("changeRequests.addTitle")} name="add-title" value={add.title} onChange={(e) => setAdd({ ...add, title: e.currentTarget.value })} />
          <Field label={t("changeRequests.addDue")} type="date" name="add-due" value={add.dueOn} onChange={(e) => setAdd({ ...add, dueOn: e.currentTarget.value })} />
        </fieldset>
        <TextArea label={t("changeRequests.goal")} name="goal" value={goal} rows={2} onChange={(e) => setGoal(e.currentTarget.value)} />
        <TextArea label={t("changeRequests.scope")} name="scope" value={scope} rows={2} onChange={(e) => setScope(e.currentTarget.value)} />
        <TextArea label={t("changeRequests.reason")} name="reason" problem={action.problem} value={reason} rows={3} required
          onChange={(e) => setReason(e.currentTarget.value)} />
        <ProblemAlert error={action.error} />
        {done && !action.error && <p role="status">{t("changeRequests.submitted")}</p>}
        <Button type="submit" busy={action.busy}>{t("changeRequests.submit")}</Button>
      </form>
    </details>
  );
}
