// The originality check of a project: the projects of any cohort most alike
// it in title, problem and goal, for its coach, examiners and organizers.
import { api, ok, type Schema } from "../../api";
import { formatNumber } from "../../format";
import { t, type MessageKey } from "../../i18n";
import { Link } from "../../router";
import { Badge, Empty, Load, statusLabel, useLoad, ScrollRegion } from "../../ui";

type Similar = Schema<"SimilarProject">;

/** The "Proyek serupa" panel of a project. */
export function SimilarProjects({ projectId }: { projectId: string }) {
  const similar = useLoad(() => ok(api.GET("/v1/projects/{projectId}/similar", { params: { path: { projectId }, query: { limit: 10 } } })), [projectId]);
  return (
    <section id="serupa" className="panel" aria-labelledby="serupa-h" data-action="list-similar-projects">
      <h2 id="serupa-h">{t("showcase.similar.heading")}</h2>
      <p className="muted">{t("showcase.similar.intro")}</p>
      <Load loaded={similar}>
        {({ items }) => (items.length === 0 ? <Empty>{t("showcase.similar.none")}</Empty> : <SimilarTable list={items} />)}
      </Load>
    </section>
  );
}

function SimilarTable({ list }: { list: Similar[] }) {
  return (
    <ScrollRegion label={t("showcase.similar.caption")}>
      <table>
        <caption className="muted">{t("showcase.similar.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("showcase.similar.project")}</th>
            <th scope="col">{t("showcase.similar.cohort")}</th>
            <th scope="col">{t("showcase.similar.score")}</th>
            <th scope="col">{t("showcase.similar.fields")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={s.projectId}>
              <td>
                <strong>{s.title || t("common.none")}</strong>
                <br />
                <span className="muted">{s.agencyName || t("common.none")}</span>
                <br />
                <Badge tone="muted">{statusLabel("status", s.status)}</Badge>
                {s.publicationId && <Link href={`/etalase/${s.publicationId}`}>{t("showcase.similar.entry")}</Link>}
              </td>
              <td>{s.cohortName}</td>
              <td>
                <Badge tone={s.score >= 0.6 ? "bad" : s.score >= 0.3 ? "warn" : "muted"}>{formatNumber(s.score * 100)}%</Badge>
              </td>
              <td>{s.matchedFields.length === 0 ? <span className="muted">{t("common.none")}</span> : s.matchedFields.map((f) => fieldLabel(f) + ` (${formatNumber(similarityOf(s, f) * 100)}%)`).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function fieldLabel(field: string): string {
  const key = `showcase.similar.field.${field}`;
  return ["title", "problem", "goal"].includes(field) ? t(key as MessageKey) : field;
}

function similarityOf(s: Similar, field: string): number {
  return field === "title" ? s.similarity.title : field === "problem" ? s.similarity.problem : field === "goal" ? s.similarity.goal : 0;
}
