// The coaching notes of a project at /proyek/:projectId/catatan: the notes,
// newest first and a page at a time, and, when the project's answer offers
// add-coaching-note (to the participant's coach), a form to record a
// coaching session.
import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError, ok, type Schema } from "../../api";
import { formatDate, today } from "../../format";
import { t } from "../../i18n";
import { offers } from "../../offers";
import { Link } from "../../router";
import { Button, Empty, Field, Load, PageTitle, ProblemAlert, TextArea, useAction, useIdempotencyKeys, useLoad } from "../../ui";
import { requiredProblem } from "../../problems";
import { StatusBadge } from "./shared";
import "./coach.css";

type Note = Schema<"CoachingNote">;

const pageSize = 20;

/** The coaching notes screen. */
export function CoachingNotes({ projectId }: { projectId: string }) {
  const project = useLoad(() => ok(api.GET("/v1/projects/{projectId}", { params: { path: { projectId } } })), [projectId]);
  const cohortId = project.data?.cohortId;
  const cohort = useLoad(
    () => (cohortId ? ok(api.GET("/v1/cohorts/{cohortId}", { params: { path: { cohortId } } })) : Promise.resolve(undefined)),
    [cohortId],
  );
  const [round, setRound] = useState(0);
  const seesDashboard = offers(cohort.data, "get-cohort-progress");

  return (
    <>
      <PageTitle title={t("coach.notesTitle")}>
        {seesDashboard && (
          <Link href={`/angkatan/${cohortId}`} className="btn">
            {t("coach.backToDashboard")}
          </Link>
        )}
      </PageTitle>
      <Load loaded={project}>
        {(p) => (
          <>
            <p>
              <Link href={`/proyek/${p.id}`}>{t("coach.project", { title: p.title })}</Link> <StatusBadge status={p.status} />
            </p>
            {offers(p, "add-coaching-note") && (
              <section className="panel coach-panel" aria-labelledby="coach-add-note">
                <h2 id="coach-add-note">{t("coach.addNote")}</h2>
                <NoteForm projectId={projectId} onAdded={() => setRound((r) => r + 1)} />
              </section>
            )}
            <section aria-labelledby="coach-history">
              <h2 id="coach-history">{t("coach.history")}</h2>
              <NotesList projectId={projectId} round={round} />
            </section>
          </>
        )}
      </Load>
    </>
  );
}

/**
 * The form of a new note. Its Idempotency-Key stays the same while the
 * content does, so a retry after a lost answer does not record it twice.
 */
function NoteForm({ projectId, onAdded }: { projectId: string; onAdded: () => void }) {
  const [heldOn, setHeldOn] = useState(today());
  const [topic, setTopic] = useState("");
  const [notes, setNotes] = useState("");
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const keyFor = useIdempotencyKeys();
  const error = action.error;
  const problem = error?.problem;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = { heldOn, topic, notes };
    const key = keyFor(body);
    void action.run(async () => {
      const missing = requiredProblem({ heldOn, topic });
      if (missing) throw new ApiError(missing);
      await ok(
        api.POST("/v1/projects/{projectId}/coaching-notes", {
          params: { path: { projectId }, header: { "Idempotency-Key": key } },
          body,
        }),
      );
      setTopic("");
      setNotes("");
      setHeldOn(today());
      setSaved(true);
      onAdded();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} fieldsShown />
      {saved && (
        <p className="alert alert-ok" role="status">
          {t("coach.noteSaved")}
        </p>
      )}
      <div className="form-row">
        <Field label={t("coach.heldOn")} name="heldOn" type="date" required value={heldOn} onChange={(e) => setHeldOn(e.target.value)} problem={problem} />
        <Field label={t("coach.topic")} name="topic" hint={t("coach.topicHint")} required maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} problem={problem} />
      </div>
      <TextArea label={t("coach.notes")} name="notes" hint={t("coach.notesHint")} rows={5} maxLength={10000} value={notes} onChange={(e) => setNotes(e.target.value)} problem={problem} />
      <Button type="submit" className="btn-primary" busy={action.busy}>
        {t("coach.saveNote")}
      </Button>
    </form>
  );
}

/** The notes, newest first; "load older notes" adds the next page. round changes reload it. */
function NotesList({ projectId, round }: { projectId: string; round: number }) {
  const first = useLoad(() => ok(api.GET("/v1/projects/{projectId}/coaching-notes", { params: { path: { projectId }, query: { limit: pageSize } } })), [projectId, round]);
  const [more, setMore] = useState<{ items: Note[]; cursor: string | undefined }>();
  const action = useAction();
  useEffect(() => setMore(undefined), [first.data]);

  return (
    <Load loaded={first}>
      {(page) => {
        const items = [...page.items, ...(more?.items ?? [])];
        const cursor = more ? more.cursor : page.nextCursor;
        const loadMore = () =>
          void action.run(async () => {
            const next = await ok(api.GET("/v1/projects/{projectId}/coaching-notes", { params: { path: { projectId }, query: { limit: pageSize, cursor } } }));
            setMore((m) => ({ items: [...(m?.items ?? []), ...next.items], cursor: next.nextCursor }));
          });
        if (items.length === 0) return <Empty>{t("coach.noNotes")}</Empty>;
        return (
          <>
            <ul className="list coach-notes">
              {items.map((n) => (
                <li key={n.id} className="coach-note">
                  <h3>{n.topic}</h3>
                  <p className="muted">{t("coach.noteMeta", { date: formatDate(n.heldOn), coach: n.coachName })}</p>
                  <p className="coach-note-text">{n.notes || t("coach.noNoteText")}</p>
                </li>
              ))}
            </ul>
            <ProblemAlert error={action.error} retry={loadMore} />
            {cursor && (
              <div className="coach-more">
                <Button type="button" busy={action.busy} busyLabel={t("coach.loadingMore")} onClick={loadMore}>
                  {t("coach.loadMore")}
                </Button>
              </div>
            )}
          </>
        );
      }}
    </Load>
  );
}
