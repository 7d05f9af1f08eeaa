// The participant's appeals (keberatan) of their released seminar results,
// under the results on the project page: the appeals filed and their
// decisions, and the form to file one when the project offers file-appeal
// (within the appeal window), or why not.
import { useState, type FormEvent } from "react";
import { api, ok, type Schema } from "../../api";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { offers, whyRefused } from "../../offers";
import { Badge, Button, ProblemAlert, Select, TextArea, useAction, useIdempotencyKeys, useLoad } from "../../ui";

type Project = Schema<"Project">;
type Result = Schema<"DeterminedResult">;

/** A result as "77,50 (Cukup Memuaskan)". */
function resultText(r: Result): { score: string; predicate: string } {
  return { score: formatNumber(r.score, 2), predicate: t(`participant.predicate.${r.predicate}`) };
}

/** The project's appeals and the form to file one. */
export function AppealPanel({ project }: { project: Project }) {
  const appeals = useLoad(() => ok(api.GET("/v1/projects/{projectId}/appeals", { params: { path: { projectId: project.id } } })), [project.id]);
  const determined = (project.results ?? []).filter((r) => r.determined);
  const [seminar, setSeminar] = useState(determined[determined.length - 1]?.seminar ?? "design");
  const [reasons, setReasons] = useState("");
  const [done, setDone] = useState(false);
  const action = useAction();
  const keyFor = useIdempotencyKeys();
  const items = appeals.data?.items ?? [];
  const why = whyRefused(project, "file-appeal");
  if (items.length === 0 && !offers(project, "file-appeal") && !why) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const body = { seminar, reasons };
      await ok(api.POST("/v1/projects/{projectId}/appeals", { params: { path: { projectId: project.id }, header: { "Idempotency-Key": keyFor(body) } }, body }));
      setDone(true);
      setReasons("");
      appeals.reload();
    });
  };
  return (
    <section className="appeals" aria-labelledby="appeals-title">
      <h3 id="appeals-title">{t("appeal.title")}</h3>
      {done && (
        <p className="alert alert-ok" role="status">
          {t("appeal.filed")}
        </p>
      )}
      {items.length > 0 && (
        <ul className="list">
          {items.map((a) => (
            <li key={a.id}>
              <strong>{t(`participant.seminar.${a.seminar}`)}</strong> <Badge tone="info">{t(`appeal.status.${a.status}`)}</Badge>
              <p>{a.reasons}</p>
              {a.before && <p className="muted">{t("appeal.before", resultText(a.before))}</p>}
              {a.after && <p>{t("appeal.after", resultText(a.after))}</p>}
              {a.note && <p className="muted">{a.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {offers(project, "file-appeal") ? (
        <form onSubmit={submit}>
          <ProblemAlert error={action.error} fieldsShown />
          {determined.length > 1 && (
            <Select label={t("examiner.seminar")} name="seminar" value={seminar} onChange={(e) => setSeminar(e.target.value as "design" | "final")}>
              {determined.map((r) => (
                <option key={r.seminar} value={r.seminar}>
                  {t(`participant.seminar.${r.seminar}`)}
                </option>
              ))}
            </Select>
          )}
          <TextArea label={t("appeal.reasons")} hint={t("appeal.reasonsHint")} name="reasons" required value={reasons} problem={action.problem}
            onChange={(e) => setReasons(e.target.value)} maxLength={10000} />
          <Button type="submit" className="btn-primary" busy={action.busy}>
            {t("appeal.file")}
          </Button>
        </form>
      ) : (
        why && <p className="muted">{why}</p>
      )}
    </section>
  );
}
