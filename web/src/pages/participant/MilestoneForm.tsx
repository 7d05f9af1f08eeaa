// Adding a milestone (create-milestone, with an Idempotency-Key) or changing
// one (update-milestone, a merge patch with If-Match): horizon, title,
// description, due date and its activities with their outputs.
import { useRef, useState, type FormEvent } from "react";
import { api, etag, idempotencyKey, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { Button, Empty, Field, ProblemAlert, reword, Select, statusLabel, TextArea, useAction } from "../../ui";
import { horizons, type Activity, type Horizon, type Milestone } from "./model";
import { namesField } from "./problems";

type Row = Activity & { key: number };
let nextKey = 1;

type Props = {
  projectId: string;
  /** The milestone to change; a new one is added without it. */
  milestone?: Milestone;
  /** The horizon a new milestone starts with. */
  horizon?: Horizon;
  onDone: (m: Milestone) => void;
  /** Closes the form; the milestones are loaded again. */
  onCancel: () => void;
};

/** The form of a milestone, to add or to change. */
export function MilestoneForm({ projectId, milestone, horizon, onDone, onCancel }: Props) {
  const [values, setValues] = useState({
    horizon: milestone?.horizon ?? horizon ?? "short",
    title: milestone?.title ?? "",
    description: milestone?.description ?? "",
    dueOn: milestone?.dueOn ?? "",
  });
  const [rows, setRows] = useState<Row[]>(() => (milestone?.activities ?? []).map((a) => ({ ...a, key: nextKey++ })));
  const action = useAction();
  // One key per distinct body: a retry of the same request is not added twice.
  const attempt = useRef<{ key: string; body: string }>(undefined);
  const error = reword(action.error, { details: { 409: t("participant.milestone.editRefused") } });
  const problem = error?.problem;

  const activities = (): Activity[] => rows.map(({ title, output }) => ({ title, output }));
  const setRow = (i: number, change: Partial<Activity>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      if (milestone) {
        const patch: Schema<"MilestonePatch"> = {};
        if (values.title !== milestone.title) patch.title = values.title;
        if (values.description !== milestone.description) patch.description = values.description;
        if (values.dueOn !== milestone.dueOn) patch.dueOn = values.dueOn;
        if (JSON.stringify(activities()) !== JSON.stringify(milestone.activities.map(({ title, output }) => ({ title, output })))) patch.activities = activities();
        onDone(
          await ok(
            api.PATCH("/v1/milestones/{milestoneId}", {
              params: { path: { milestoneId: milestone.id }, header: { "If-Match": etag(milestone.version) } },
              body: patch,
              headers: { "Content-Type": "application/merge-patch+json" },
            }),
          ),
        );
        return;
      }
      const body: Schema<"MilestoneCreate"> = { ...values, activities: activities() };
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { key: idempotencyKey(), body: text };
      onDone(
        await ok(
          api.POST("/v1/projects/{projectId}/milestones", {
            params: { path: { projectId }, header: { "Idempotency-Key": attempt.current.key } },
            body,
          }),
        ),
      );
    });
  };

  const listMessage = namesField(problem, "activities");
  const label = milestone ? t("participant.milestone.editTitle", { title: milestone.title }) : t("participant.milestone.addTitle");
  return (
    <form className="milestone-form panel" onSubmit={submit} noValidate aria-label={label}>
      <p className="form-heading">{label}</p>
      {!milestone && (
        <Select label={t("participant.milestone.horizon")} name="horizon" problem={problem} value={values.horizon} onChange={(e) => setValues({ ...values, horizon: e.target.value as Horizon })}>
          {horizons.map((h) => (
            <option key={h} value={h}>
              {statusLabel("horizon", h)}
            </option>
          ))}
        </Select>
      )}
      <Field label={t("participant.milestone.title")} name="title" problem={problem} value={values.title} maxLength={200} onChange={(e) => setValues({ ...values, title: e.target.value })} />
      <TextArea label={t("participant.milestone.description")} name="description" problem={problem} rows={3} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} />
      <Field label={t("participant.milestone.dueOn")} name="dueOn" problem={problem} type="date" value={values.dueOn} onChange={(e) => setValues({ ...values, dueOn: e.target.value })} />
      <fieldset className="activities">
        <legend>{t("participant.milestone.activities")}</legend>
        {listMessage && (
          <p className="field-error" role="alert">
            {listMessage}
          </p>
        )}
        {rows.length === 0 && <Empty>{t("participant.milestone.noActivities")}</Empty>}
        {rows.map((row, i) => (
          <fieldset key={row.key} className="activity-row">
            <legend>{t("participant.milestone.activityN", { n: i + 1 })}</legend>
            <div className="form-row">
              <Field label={t("participant.activity.title")} name={`activities[${i}].title`} problem={problem} value={row.title} maxLength={200} onChange={(e) => setRow(i, { title: e.target.value })} />
              <Field label={t("participant.activity.output")} name={`activities[${i}].output`} problem={problem} value={row.output ?? ""} maxLength={200} onChange={(e) => setRow(i, { output: e.target.value })} />
              <div className="row-remove">
                <button type="button" className="btn btn-small btn-danger" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t("participant.remove")} <span className="visually-hidden">{t("participant.milestone.activityN", { n: i + 1 })}</span>
                </button>
              </div>
            </div>
          </fieldset>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setRows([...rows, { key: nextKey++, title: "", output: "" }])}>
          {t("participant.milestone.addActivity")}
        </button>
      </fieldset>
      <ProblemAlert error={error} fieldsShown />
      {problem?.status === 412 && (
        <p>
          <button type="button" className="btn btn-small" onClick={onCancel}>
            {t("participant.reload")}
          </button>
        </p>
      )}
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy}>
          {milestone ? t("participant.milestone.saveChanges") : t("participant.milestone.create")}
        </Button>
        <Button type="button" onClick={onCancel} disabled={action.busy}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
