// The review of a submitted design at /telaah/rancangan/:projectId: the
// design read-only, and the mentor's or coach's decision (approve, or return
// with a comment). The design is approved once both approved in the round.
import { useState } from "react";
import { api, ok, type Schema } from "../../api";
import { formatDate, formatDateTime } from "../../format";
import { t } from "../../i18n";
import { useMe } from "../../me";
import { offers, refusalOf, whyRefused } from "../../offers";
import { Badge, Load, PageTitle, statusLabel, useLoad } from "../../ui";
import { StatusBadge } from "../coach/shared";
import { BackToQueue, DecisionForm, Outcome, type Decision } from "./review";
import "./mentor.css";

type Project = Schema<"Project">;
type Milestone = Schema<"Milestone">;

/** The design review screen at /telaah/rancangan/:projectId, for the participant's mentor and coach. */
export function DesignReview({ projectId }: { projectId: string }) {
  const me = useMe();
  const loaded = useLoad(async () => {
    const project = await ok(api.GET("/v1/projects/{projectId}", { params: { path: { projectId } } }));
    const [enrollment, participant, milestones] = await Promise.all([
      ok(api.GET("/v1/enrollments/{enrollmentId}", { params: { path: { enrollmentId: project.enrollmentId } } })),
      ok(api.GET("/v1/users/{userId}", { params: { path: { userId: project.participantId } } })),
      ok(api.GET("/v1/projects/{projectId}/milestones", { params: { path: { projectId }, query: { limit: 200 } } })),
    ]);
    // The previous round's note comes with the project (lastDesignReturn).
    return { project, enrollment, participant, milestones: milestones.items, returned: project.lastDesignReturn };
  }, [projectId]);
  const [decided, setDecided] = useState<{ project: Project; decision: Decision }>();

  const decide = async (decision: Decision, comment: string) => {
    const body: Schema<"DesignReview"> =
      decision === "approve" ? { decision: "approve", ...(comment.trim() ? { comment } : {}) } : { decision: "return", comment };
    setDecided({ project: await ok(api.POST("/v1/projects/{projectId}/design/reviews", { params: { path: { projectId } }, body })), decision });
  };

  return (
    <>
      <BackToQueue />
      <PageTitle title={t("mentor.designTitle")} />
      <Load loaded={loaded}>
        {({ project: read, enrollment, participant, milestones, returned }) => {
          const project = decided?.project ?? read;
          // The capacity the reader reviews in (a user who is both counts as mentor), and the other reviewer's.
          const asMentor = enrollment.mentorId === me.user.id;
          const reviews = asMentor || enrollment.coachId === me.user.id;
          const refused = whyRefused(project, "review-design");
          return (
            <>
              <section className="panel review-panel" aria-labelledby="design-heading">
                <h2 id="design-heading">{project.title || t("mentor.notFilled")}</h2>
                <dl className="review-meta">
                  <dt>{t("mentor.participant")}</dt>
                  <dd>{participant.name}</dd>
                  <dt>{t("mentor.status")}</dt>
                  <dd>
                    <StatusBadge status={project.status} />
                  </dd>
                  <dt>{t("mentor.designRound", { round: project.designRound })}</dt>
                  <dd>{reviews ? t("mentor.designAs", { role: t(asMentor ? "role.mentor" : "role.coach").toLowerCase() }) : t("common.none")}</dd>
                </dl>
                <p className="muted">{enrollment.coachId ? t("mentor.designRule") : t("mentor.designRuleNoCoach")}</p>
                {!decided && (returned?.comment || project.revisionComment) && (
                  <div className="review-section">
                    <h3>{t("mentor.previousRevision")}</h3>
                    {returned && <p className="muted">{t("mentor.returnedBy", { name: returned.reviewerName, at: formatDateTime(returned.at) })}</p>}
                    <p className="review-text">{returned?.comment || project.revisionComment}</p>
                  </div>
                )}
              </section>
              <DesignText project={project} />
              <Stakeholders stakeholders={project.stakeholders} />
              <Milestones milestones={milestones} />
              {decided ? (
                <Outcome tone="ok" current={project.id} message={outcomeMessage(decided.project, decided.decision, asMentor)} />
              ) : offers(project, "review-design") ? (
                <DecisionForm
                  approveLabel={t("mentor.approveDesign")}
                  declineLabel={t("mentor.returnDesign")}
                  hint={t("mentor.commentHintReturn")}
                  decide={decide}
                />
              ) : (
                refused && <p className="alert alert-info">{refused}</p>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}

/**
 * What the decision did, from the project the API answered: a return sent
 * it back; an approval approved it, unless the answer still refuses the
 * reader's review of this round, which then waits for the other reviewer.
 */
function outcomeMessage(project: Project, decision: Decision, asMentor: boolean): string {
  if (decision === "decline") return t("mentor.designReturned");
  if (refusalOf(project, "review-design")?.code === "design.already_reviewed") {
    return t("mentor.designApprovalRecorded", { other: t(asMentor ? "role.coach" : "role.mentor").toLowerCase() });
  }
  return t("mentor.designApproved");
}

/** The written parts of the design, read-only. */
function DesignText({ project }: { project: Project }) {
  const parts: [string, string][] = [
    [t("mentor.background"), project.background],
    [t("mentor.problem"), project.problem],
    [t("mentor.goal"), project.goal],
    [t("mentor.benefits"), project.benefits],
    [t("mentor.scope"), project.scope],
  ];
  return (
    <section className="panel review-panel">
      {parts.map(([label, text]) => (
        <div key={label} className="review-section">
          <h3>{label}</h3>
          {text.trim() ? <p className="review-text">{text}</p> : <p className="empty">{t("mentor.notFilled")}</p>}
        </div>
      ))}
      <div className="review-section">
        <h3>{t("mentor.innovationAreas")}</h3>
        {project.innovationAreas.length ? (
          <ul className="review-tags">
            {project.innovationAreas.map((a) => (
              <li key={a}>
                <Badge tone="info">{a}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("mentor.notFilled")}</p>
        )}
      </div>
    </section>
  );
}

/** The milestones planned with the design, by horizon: title, deadline, description and activities. */
function Milestones({ milestones }: { milestones: Milestone[] }) {
  const horizons: Milestone["horizon"][] = ["short", "mid", "long"];
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t("mentor.milestones")}</h2>
      {milestones.length === 0 ? (
        <p className="empty">{t("mentor.noMilestones")}</p>
      ) : (
        horizons.map((h) => {
          const of = milestones.filter((m) => m.horizon === h).sort((a, b) => a.position - b.position);
          if (of.length === 0) return null;
          return (
            <div key={h} className="panel review-panel">
              <h3>{statusLabel("horizon", h)}</h3>
              <ul className="review-milestones">
                {of.map((m) => (
                  <li key={m.id}>
                    <strong>{m.title}</strong> <span className="muted">· {t("mentor.dueOn")} {formatDate(m.dueOn)}</span>
                    {m.description.trim() && <p className="review-text">{m.description}</p>}
                    {m.activities.length > 0 && (
                      <ul>
                        {m.activities.map((a, i) => (
                          <li key={i}>
                            {a.title}
                            {a.output && <span className="muted"> → {a.output}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}

/** The stakeholder map as a table: who, inside or out, power and interest. */
function Stakeholders({ stakeholders }: { stakeholders: Schema<"Stakeholder">[] }) {
  return (
    <section aria-labelledby="stakeholders-heading">
      <h2 id="stakeholders-heading">{t("mentor.stakeholders")}</h2>
      {stakeholders.length === 0 ? (
        <p className="empty">{t("mentor.noStakeholders")}</p>
      ) : (
        <div className="table-wrap review-stack" tabIndex={0} role="region" aria-labelledby="stakeholders-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("mentor.stakeholderName")}</th>
                <th scope="col">{t("mentor.stakeholderKind")}</th>
                <th scope="col">{t("mentor.stakeholderPower")}</th>
                <th scope="col">{t("mentor.stakeholderInterest")}</th>
              </tr>
            </thead>
            <tbody>
              {stakeholders.map((s, i) => (
                <tr key={i}>
                  <td data-label={t("mentor.stakeholderName")}>{s.name}</td>
                  <td data-label={t("mentor.stakeholderKind")}>{t(`mentor.stakeholderKind.${s.kind}`)}</td>
                  <td data-label={t("mentor.stakeholderPower")}>{t(`mentor.level.${s.power}`)}</td>
                  <td data-label={t("mentor.stakeholderInterest")}>{t(`mentor.level.${s.interest}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
