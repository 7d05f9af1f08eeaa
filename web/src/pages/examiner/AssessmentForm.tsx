// The examiner's scoring of a project's seminar at /penilaian/:projectId:
// the cohort's rubric with a score per criterion, the live weighted total
// and predicate, a comment, and the project's earlier assessments.
import { useState, type FormEvent } from "react";
import { api, ApiError, idempotencyKey, ok, type Problem, type Schema } from "../../api";
import { formatDateTime, formatNumber } from "../../format";
import { t } from "../../i18n";
import { useMe } from "../../me";
import { offers, whyRefused } from "../../offers";
import { Link } from "../../router";
import { Button, Empty, Field, Load, PageTitle, ProblemAlert, Select, TextArea, useAction, useLoad, type Loaded } from "../../ui";
import { parseScore, predicateOf, weightedTotal, type Criterion, type Predicate } from "./scoring";
import { SimilarProjects } from "./SimilarProjects";
import { StatusBadge } from "../coach/shared";
import { OwnScores, ownScores } from "./ExamineList";
import "./examiner.css";

type Project = Schema<"Project">;
type Seminar = Schema<"Rubric">["seminar"];
type Assessment = Schema<"Assessment">;

/** The label of a predicate ("Memuaskan"). */
export function predicateLabel(p: Predicate): string {
  return t(`examiner.predicate.${p}`);
}

/**
 * Why the project's seminar cannot be scored now, from the project's answer:
 * record-assessment refused for that seminar (params.seminar), or refused
 * or not offered at all; undefined when it may be scored.
 */
function notReady(project: Project, seminar: Seminar): string | undefined {
  const own = whyRefused(project, "record-assessment", { seminar });
  if (own || offers(project, "record-assessment")) return own;
  return whyRefused(project, "record-assessment") ?? t("examiner.notAllowed");
}

/** The assessment screen at /penilaian/:projectId, for the cohort's examiners. */
export function AssessmentForm({ projectId }: { projectId: string }) {
  const loaded = useLoad(async () => {
    const project = await ok(api.GET("/v1/projects/{projectId}", { params: { path: { projectId } } }));
    const [rubrics, participant] = await Promise.all([
      ok(api.GET("/v1/cohorts/{cohortId}/rubrics", { params: { path: { cohortId: project.cohortId } } })),
      ok(api.GET("/v1/users/{userId}", { params: { path: { userId: project.participantId } } })),
    ]);
    return { project, rubrics: rubrics.items, participant };
  }, [projectId]);
  const history = useLoad(() => ok(api.GET("/v1/projects/{projectId}/assessments", { params: { path: { projectId } } })), [projectId]);
  const me = useMe();

  return (
    <>
      <PageTitle title={t("examiner.formTitle")} />
      <Load loaded={loaded}>
        {({ project, rubrics, participant }) => (
          <>
            <p className="exam-back">
              <Link href={`/angkatan/${encodeURIComponent(project.cohortId)}/penilaian`}>← {t("examiner.backToList")}</Link>
            </p>
            <section className="panel exam-panel" aria-labelledby="project-heading">
              <h2 id="project-heading">{project.title || t("common.none")}</h2>
              <p>
                {participant.name} · <StatusBadge status={project.status} />
              </p>
              <p>
                <Link href={`/proyek/${encodeURIComponent(project.id)}`}>{t("examiner.openProject")}</Link>
              </p>
              <div className="exam-own-scores">
                <strong>{t("examiner.yourScores")}:</strong> <OwnScores scores={history.data && ownScores(history.data.items, me.user.id)} />
              </div>
            </section>
            <SimilarProjects projectId={project.id} />
            <ScoreForm
              project={project}
              rubrics={rubrics}
              onSaved={() => {
                loaded.reload();
                history.reload();
              }}
            />
          </>
        )}
      </Load>
      <History history={history} />
    </>
  );
}

/** The scoring form: seminar, a score per criterion, the live total, comment and submit. */
function ScoreForm({ project, rubrics, onSaved }: { project: Project; rubrics: Schema<"Rubric">[]; onSaved: () => void }) {
  // The final seminar once it may be scored, else the design seminar.
  const [seminar, setSeminar] = useState<Seminar>(notReady(project, "final") === undefined ? "final" : "design");
  // Typed scores by seminar and criterion key ("design.change_idea"), kept when switching seminars.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const [key, setKey] = useState(idempotencyKey);
  const [saved, setSaved] = useState<Assessment>();
  const action = useAction();

  const criteria: Criterion[] = rubrics.find((r) => r.seminar === seminar)?.criteria ?? [];
  const scores: Record<string, number | undefined> = {};
  for (const c of criteria) scores[c.key] = parseScore(typed[`${seminar}.${c.key}`] ?? "");
  const total = weightedTotal(criteria, scores);
  const blocked = notReady(project, seminar);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const bad = criteria.flatMap((c, i) => (scores[c.key] === undefined ? [{ location: `body.scores[${i}].score`, message: t("examiner.scoreInvalid") }] : []));
      if (bad.length) throw new ApiError({ title: t("examiner.checkScores"), status: 422, errors: bad });
      const body: Schema<"AssessmentCreate"> = { seminar, scores: criteria.map((c) => ({ criterion: c.key, score: scores[c.key] ?? 0 })), comment, ...(reason ? { reason } : {}) };
      let answer: Assessment;
      try {
        answer = await ok(api.POST("/v1/projects/{projectId}/assessments", { params: { path: { projectId: project.id }, header: { "Idempotency-Key": key } }, body }));
      } catch (error) {
        // The server keeps its answer to a key: only a request it never answered may be retried with it.
        if (!(error instanceof ApiError && error.problem.status === 0)) setKey(idempotencyKey());
        throw error;
      }
      setSaved(answer);
      setKey(idempotencyKey());
      onSaved();
    });
  };

  return (
    <section className="panel exam-panel" aria-labelledby="score-heading">
      <h2 id="score-heading">{t("examiner.criteria")}</h2>
      <form onSubmit={submit} noValidate>
        <Select label={t("examiner.seminar")} name="seminar" value={seminar} onChange={(e) => { setSeminar(e.target.value as Seminar); setSaved(undefined); action.clear(); }} problem={action.problem}>
          <option value="design">{t("examiner.seminar.design")}</option>
          <option value="final">{t("examiner.seminar.final")}</option>
        </Select>
        {blocked && <p className="alert alert-info">{blocked}</p>}
        {!blocked && seminar === "final" && <p className="muted">{t("examiner.finalCompletes")}</p>}
        <fieldset className="exam-criteria">
          <legend>{t(`examiner.seminar.${seminar}`)}</legend>
          <p className="hint">{t("examiner.scoreHint")}</p>
          <ScopeProblems problem={action.problem} />
          {criteria.map((c, i) => (
            <Field
              key={`${seminar}.${c.key}`}
              label={t("examiner.criterionLabel", { name: c.name, weight: c.weight })}
              name={`scores[${i}].score`}
              inputMode="decimal"
              autoComplete="off"
              data-criterion={c.key}
              data-weight={c.weight}
              value={typed[`${seminar}.${c.key}`] ?? ""}
              onChange={(e) => setTyped((s) => ({ ...s, [`${seminar}.${c.key}`]: e.target.value }))}
              problem={action.problem}
            />
          ))}
        </fieldset>
        <div className="exam-total">
          <p>
            <label htmlFor="assessment-total">{t("examiner.total")}</label>
            <output id="assessment-total">{total === undefined ? t("common.none") : formatNumber(total, 2)}</output>
          </p>
          <p>
            {t("examiner.predicate")}: <strong>{total === undefined ? t("examiner.incomplete") : predicateLabel(predicateOf(total))}</strong>
          </p>
          <p className="muted">{t("examiner.serverDecides")}</p>
        </div>
        <TextArea label={t("examiner.comment")} name="comment" value={comment} onChange={(e) => setComment(e.target.value)} problem={action.problem} maxLength={10000} />
        <TextArea label={t("seminar.reason")} hint={t("seminar.reasonHint")} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} problem={action.problem} maxLength={10000} />
        <ProblemAlert error={action.error} fieldsShown />
        {saved && (
          <div className="alert alert-ok" role="status">
            <strong>{t("examiner.saved", { total: formatNumber(saved.total, 2), predicate: predicateLabel(saved.predicate) })}</strong>
            <p>{t("examiner.savedAt", { at: formatDateTime(saved.recordedAt) })}</p>
          </div>
        )}
        <Button type="submit" className="btn-primary" data-action="record-assessment" busy={action.busy} disabled={blocked !== undefined}>
          {t("examiner.save")}
        </Button>
      </form>
    </section>
  );
}

/** Problems about the scores as a whole (a criterion without a score), which no single field shows. */
function ScopeProblems({ problem }: { problem: Problem | undefined }) {
  const messages = (problem?.errors ?? []).filter((e) => e.location === "body.scores").map((e) => e.message ?? "");
  if (messages.length === 0) return null;
  return (
    <ul className="field-error" role="alert">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

/** The project's assessments, newest first, the examiner's own marked. */
function History({ history }: { history: Loaded<Schema<"AssessmentListOutputBody">> }) {
  const me = useMe();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("examiner.history")}</h2>
      <Load loaded={history}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("examiner.noHistory")}</Empty>
          ) : (
            <div className="table-wrap exam-stack" tabIndex={0} role="region" aria-labelledby="history-heading">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("examiner.seminar")}</th>
                    <th scope="col">{t("examiner.examiner")}</th>
                    <th scope="col">{t("examiner.total")}</th>
                    <th scope="col">{t("examiner.predicate")}</th>
                    <th scope="col">{t("examiner.recordedAt")}</th>
                    <th scope="col">{t("examiner.comment")}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.items].reverse().map((a) => (
                    <tr key={a.id}>
                      <td data-label={t("examiner.seminar")}>{t(`examiner.seminar.${a.seminar}`)}</td>
                      <td data-label={t("examiner.examiner")}>
                        <span>
                          {a.examinerName ?? t("common.none")} {a.examinerId === me.user.id && <span className="muted">{t("examiner.you")}</span>}
                        </span>
                      </td>
                      <td data-label={t("examiner.total")}>{formatNumber(a.total, 2)}</td>
                      <td data-label={t("examiner.predicate")}>{predicateLabel(a.predicate)}</td>
                      <td data-label={t("examiner.recordedAt")} className="exam-nowrap">
                        {formatDateTime(a.recordedAt)}
                      </td>
                      <td data-label={t("examiner.comment")}>{a.comment || t("common.none")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Load>
    </section>
  );
}
