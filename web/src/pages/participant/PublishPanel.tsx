// The project's place on the public innovation showcase, for whoever the
// answers offer publish-project or unpublish-project: the participant
// publishes it (their account of the innovation and the approved evidence
// to show), updates or withdraws it; an organizer of the cohort may take it
// down.
import { useState, type FormEvent } from "react";
import { api, ApiError, ok, type Schema } from "../../api";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { requiredProblem } from "../../problems";
import { Link } from "../../router";
import { offers } from "../../offers";
import { Badge, Button, Empty, Load, ProblemAlert, reword, TextArea, useAction, useIdempotencyKeys, useLoad } from "../../ui";
import type { Milestone, Project } from "./model";

type Publication = Schema<"Publication">;
type Evidence = Schema<"Evidence">;

/** The showcase panel of a project, shown when the project or its publication offers publish-project or unpublish-project. */
export function PublishPanel({ project, milestones, onChanged }: { project: Project; milestones: Milestone[] | undefined; onChanged: () => void }) {
  const projectId = project.id;
  const publication = useLoad(async () => {
    try {
      return await ok(api.GET("/v1/projects/{projectId}/publication", { params: { path: { projectId } } }));
    } catch (e) {
      // Never published: nothing to show yet.
      if (e instanceof ApiError && e.problem.status === 404) return null;
      throw e;
    }
  }, [projectId]);
  const withdraw = useAction();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const pub = publication.data ?? undefined;
  const isPublic = pub?.public === true;
  // A publication's answer says what may be done to it; before the first, the project's does.
  const publishes = offers(pub ?? project, "publish-project");
  const unpublishes = offers(pub, "unpublish-project");

  const unpublish = () =>
    void withdraw.run(async () => {
      await ok(api.DELETE("/v1/projects/{projectId}/publication", { params: { path: { projectId } } }));
      setConfirming(false);
      publication.reload();
      onChanged();
    });

  if (!publication.error && !publishes && !unpublishes) return null;
  return (
    <section id="etalase" className="panel" aria-labelledby="etalase-h">
      <h2 id="etalase-h">{t("showcase.publish.heading")}</h2>
      <Load loaded={publication}>
        {() => (
          <>
            {isPublic && pub ? (
              <div className="alert alert-ok" role="status">
                <p>
                  <Badge tone="ok">{t("showcase.publish.isPublic")}</Badge> {t("showcase.publish.since", { date: formatDate(pub.publishedAt) })}
                </p>
                <p>
                  <Link href={`/etalase/${pub.id}`}>{t("showcase.publish.open")}</Link>
                </p>
              </div>
            ) : (
              <p>
                <Badge tone="muted">{pub ? t("showcase.publish.withdrawn") : t("showcase.publish.notPublic")}</Badge>{" "}
                {pub?.withdrawnAt && <span className="muted">{t("showcase.publish.withdrawnOn", { date: formatDate(pub.withdrawnAt) })}</span>}
              </p>
            )}
            {publishes && !isPublic && <p className="muted">{t("showcase.publish.intro")}</p>}
            {publishes && (editing || !isPublic) && (
              <PublishForm
                key={pub?.version ?? 0}
                project={project}
                publication={pub}
                milestones={milestones}
                onPublished={(p) => {
                  setEditing(false);
                  publication.reload();
                  onChanged();
                  void p;
                }}
                onCancel={isPublic ? () => setEditing(false) : undefined}
              />
            )}
            <ProblemAlert error={withdraw.error} />
            {isPublic && !editing && (
              <div className="actions">
                {publishes && (
                  <Button type="button" data-action="publish-project" onClick={() => setEditing(true)}>
                    {t("showcase.publish.edit")}
                  </Button>
                )}
                {!unpublishes ? null : !confirming ? (
                  <Button type="button" className="btn-danger" data-action="unpublish-project" onClick={() => setConfirming(true)}>
                    {/* Who may also publish it withdraws their own; anyone else takes it down. */}
                    {publishes ? t("showcase.publish.withdraw") : t("showcase.publish.takeDown")}
                  </Button>
                ) : (
                  <div role="group" aria-label={t("showcase.publish.confirm")} className="actions">
                    <p>{t("showcase.publish.confirm")}</p>
                    <Button type="button" className="btn-danger" busy={withdraw.busy} onClick={unpublish}>
                      {t("showcase.publish.confirmYes")}
                    </Button>
                    <Button type="button" onClick={() => setConfirming(false)}>
                      {t("showcase.publish.keep")}
                    </Button>
                  </div>
                )}
              </div>
            )}
          </>
        )}
      </Load>
    </section>
  );
}

/** The publish form: the innovation text and which approved evidence is public. */
function PublishForm({ project, publication, milestones, onPublished, onCancel }: { project: Project; publication: Publication | undefined; milestones: Milestone[] | undefined; onPublished: (p: Publication) => void; onCancel?: () => void }) {
  const [innovation, setInnovation] = useState(publication?.innovation ?? "");
  const [chosen, setChosen] = useState<string[]>(publication?.publicEvidence ?? []);
  const action = useAction();
  const keys = useIdempotencyKeys();
  // Only milestones with evidence have any to show; each evidence says
  // whether it may be shown (publishable).
  const ids = (milestones ?? []).filter((m) => Object.values(m.evidence).some((n) => n > 0)).map((m) => m.id);
  const evidence = useLoad(async () => {
    const lists = await Promise.all(ids.map((milestoneId) => ok(api.GET("/v1/milestones/{milestoneId}/evidence", { params: { path: { milestoneId }, query: { limit: 200 } } }))));
    return lists.flatMap((l) => l.items).filter((e) => e.publishable);
  }, [ids.join(",")]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const missing = requiredProblem({ innovation });
      if (missing) throw new ApiError(missing);
      const body = { innovation: innovation.trim(), publicEvidence: chosen };
      const p = await ok(api.POST("/v1/projects/{projectId}/publication", { params: { path: { projectId: project.id }, header: { "Idempotency-Key": keys(body) } }, body }));
      onPublished(p);
    });
  };
  const error = reword(action.error, { details: { 409: t("showcase.publish.notApproved") }, codes: { "publication.evidence_not_approved": t("showcase.publish.evidenceNotApproved"), "publication.foreign_evidence": t("showcase.publish.evidenceNotApproved") } });
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const titleOf = (m: string) => milestones?.find((x) => x.id === m)?.title ?? "";

  return (
    <form onSubmit={submit} noValidate className="publish-form" data-action="publish-project">
      <ProblemAlert error={error} fieldsShown />
      <TextArea label={t("showcase.publish.innovation")} name="innovation" hint={t("showcase.publish.innovationHint")} required rows={6} maxLength={10000} value={innovation} onChange={(e) => setInnovation(e.target.value)} problem={error?.problem} />
      <fieldset className="publish-evidence" aria-describedby="publish-evidence-hint">
        <legend>{t("showcase.publish.evidence")}</legend>
        <p id="publish-evidence-hint" className="hint">
          {t("showcase.publish.evidenceHint")}
        </p>
        {error?.fieldMessage("publicEvidence") && (
          <p className="field-error" role="alert">
            {error.fieldMessage("publicEvidence")}
          </p>
        )}
        <Load loaded={evidence}>
          {(list: Evidence[]) =>
            list.length === 0 ? (
              <Empty>{t("showcase.publish.noEvidence")}</Empty>
            ) : (
              <ul className="list">
                {list.map((ev) => (
                  <li key={ev.id}>
                    <label className="publish-check">
                      <input type="checkbox" checked={chosen.includes(ev.id)} onChange={(e) => toggle(ev.id, e.target.checked)} /> <strong>{ev.title}</strong>{" "}
                      <span className="muted">
                        · {titleOf(ev.milestoneId)} · {ev.kind === "file" ? t("showcase.publish.file") : t("showcase.publish.link")}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )
          }
        </Load>
      </fieldset>
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("showcase.publish.publishing")}>
          {publication?.public ? t("showcase.publish.update") : t("showcase.publish.submit")}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel}>
            {t("showcase.publish.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
