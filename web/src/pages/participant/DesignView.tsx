// The design read-only: for the participant once it is submitted, and for
// the mentor, coach, organizers and examiners who open the project.
import { t } from "../../i18n";
import type { Project } from "./model";
import { SectionsView } from "./DesignSections";
import { StakeholderTable } from "./Stakeholders";

/** The project's design as text, with its stakeholder map. */
export function DesignView({ project }: { project: Project }) {
  const rows: [string, string][] = [
    [t("participant.design.background"), project.background],
    [t("participant.design.problem"), project.problem],
    [t("participant.design.goal"), project.goal],
    [t("participant.design.benefits"), project.benefits],
    [t("participant.design.scope"), project.scope],
  ];
  return (
    <div className="design-view">
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || <span className="muted">{t("participant.design.notFilled")}</span>}</dd>
          </div>
        ))}
        <div>
          <dt>{t("participant.design.areas")}</dt>
          <dd>
            {project.innovationAreas.length === 0 ? (
              <span className="muted">{t("participant.design.notFilled")}</span>
            ) : (
              <ul className="tags">
                {project.innovationAreas.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <h3>{t("participant.design.stakeholders")}</h3>
      <StakeholderTable stakeholders={project.stakeholders} />
      <SectionsView project={project} />
    </div>
  );
}
