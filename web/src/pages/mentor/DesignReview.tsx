// The review of a submitted design at /telaah/rancangan/:projectId: the
// design read-only, and the mentor's or coach's decision (approve, or return
// with a comment). The design is approved once both approved in the round.
import { useState } from "react";
import { api, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { useMe } from "../../me";
import { Badge, Load, PageTitle, statusLabel, useLoad } from "../../ui";
import { BackToQueue, DecisionForm, Outcome, type Decision } from "./review";
import "./mentor.css";

type Project = Schema<"Project">;

/** The design review screen at /telaah/rancangan/:projectId, for the participant's mentor and coach. */
export function DesignReview({ projectId }: { projectId: string }) {
  const me = useMe();
  const loaded = useLoad(async () => {
    const project = await ok(api.GET("/v1/projects/{projectId}", { params: { path: { projectId } } }));
    const [enrollment, participant] = await Promise.all([
      ok(api.GET("/v1/enrollments/{enrollmentId}", { params: { path: { enrollmentId: project.enrollmentId } } })),
      ok(api.GET("/v1/users/{userId}", { params: { path: { userId: project.participantId } } })),
    ]);
    return { project, enrollment, participant };
  }, [projectId]);
  const [decided, setDecided] = useState<Project>();

  const decide = async (decision: Decision, comment: string) => {
    const body: Schema<"DesignReview"> =
      decision === "approve" ? { decision: "approve", ...(comment.trim() ? { comment } : {}) } : { decision: "return", comment };
    setDecided(await ok(api.POST("/v1/projects/{projectId}/design/reviews", { params: { path: { projectId } }, body })));
  };

  return (
    <>
      <BackToQueue />
      <PageTitle title={t("mentor.designTitle")} />
      <Load loaded={loaded}>
        {({ project: read, enrollment, participant }) => {
          const project = decided ?? read;
          const role = enrollment.mentorId === me.user.id ? "mentor" : enrollment.coachId === me.user.id ? "coach" : undefined;
          return (
            <>
              <section className="panel review-panel" aria-labelledby="design-heading">
                <h2 id="design-heading">{project.title || t("mentor.notFilled")}</h2>
                <dl className="review-meta">
                  <dt>{t("mentor.participant")}</dt>
                  <dd>{participant.name}</dd>
                  <dt>{t("mentor.status")}</dt>
                  <dd>
                    <Badge tone={project.status === "design_submitted" ? "warn" : "info"}>{statusLabel("status", project.status)}</Badge>
                  </dd>
                  <dt>{t("mentor.designRound", { round: project.designRound })}</dt>
                  <dd>{role ? t("mentor.designAs", { role: t(`role.${role}`).toLowerCase() }) : t("common.none")}</dd>
                </dl>
                <p className="muted">{enrollment.coachId ? t("mentor.designRule") : t("mentor.designRuleNoCoach")}</p>
                {project.revisionComment && !decided && (
                  <div className="review-section">
                    <h3>{t("mentor.previousRevision")}</h3>
                    <p className="review-text">{project.revisionComment}</p>
                  </div>
                )}
              </section>
              <DesignText project={project} />
              <Stakeholders stakeholders={project.stakeholders} />
              {decided ? (
                <Outcome tone="ok" message={outcomeMessage(decided, role)} />
              ) : project.status === "design_submitted" ? (
                <DecisionForm
                  approveLabel={t("mentor.approveDesign")}
                  declineLabel={t("mentor.returnDesign")}
                  hint={t("mentor.commentHintReturn")}
                  decide={decide}
                />
              ) : (
                <p className="alert alert-info">{t("mentor.designNotWaiting", { status: statusLabel("status", project.status) })}</p>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}

/** What the decision did, from the project the API answered. */
function outcomeMessage(project: Project, role: "mentor" | "coach" | undefined): string {
  switch (project.status) {
    case "draft":
      return t("mentor.designReturned");
    case "design_submitted":
      return t("mentor.designApprovalRecorded", { other: role === "coach" ? t("role.mentor").toLowerCase() : t("role.coach").toLowerCase() });
    default:
      return t("mentor.designApproved");
  }
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
