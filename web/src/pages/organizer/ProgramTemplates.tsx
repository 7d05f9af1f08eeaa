// The program templates at /templat: LAN's shipped templates (PKN I, PKN II,
// PKA, PKP) and the institution's own copies. An organizer copies one into
// their institution (create-program-template) and adapts the copy
// (update-program-template): its words, qualification thresholds,
// deadlines and examiners. Cohorts created from a template keep their own
// copy, so a change here changes no running cohort.
import { useState, type FormEvent } from "react";
import { api, ok, type Schema } from "../../api";
import { t, type MessageKey } from "../../i18n";
import { offers, whyRefused } from "../../offers";
import { Badge, Button, Field, Load, PageTitle, ProblemAlert, Select, statusLabel, useAction, useIdempotencyKeys, useLoad } from "../../ui";
import "./organizer.css";

type Template = Schema<"ProgramTemplate">;

/** The kualifikasi a threshold earns, in its title case. */
const predicateLabel = (p: string) => t(`participant.predicate.${p}` as MessageKey);

/** The templates screen. */
export function ProgramTemplates() {
  const list = useLoad(() => ok(api.GET("/v1/program-templates")), []);
  const [editing, setEditing] = useState<string>();
  return (
    <div className="org">
      <PageTitle title={t("templates.title")} />
      <p>{t("templates.intro")}</p>
      <Load loaded={list}>
        {(l) => (
          <ul className="template-list">
            {l.items.map((tpl) => (
              <li key={tpl.id} className="panel">
                <TemplateCard template={tpl} onCopied={(id) => { list.reload(); setEditing(id); }} />
                {editing === tpl.id && offers(tpl, "update-program-template") && (
                  <TemplateForm key={tpl.version} template={tpl} onSaved={() => { list.reload(); setEditing(undefined); }} />
                )}
                {editing !== tpl.id && offers(tpl, "update-program-template") && (
                  <Button type="button" onClick={() => setEditing(tpl.id)}>{t("templates.edit")}</Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Load>
    </div>
  );
}

/** One template: its name, program, words, thresholds and deadlines, and the copy button. */
function TemplateCard({ template, onCopied }: { template: Template; onCopied: (id: string) => void }) {
  const institutions = useLoad(() => ok(api.GET("/v1/institutions", { params: { query: { limit: 200 } } })), []);
  const action = useAction();
  const keyFor = useIdempotencyKeys();
  const [chosen, setInstitutionId] = useState("");
  const institutionId = chosen || (institutions.data?.items[0]?.id ?? "");
  const copy = () =>
    void action.run(async () => {
      const body = { institutionId, sourceTemplateId: template.id };
      const created = await ok(api.POST("/v1/program-templates", { params: { header: { "Idempotency-Key": keyFor(body) } }, body }));
      onCopied(created.id);
    });
  const shipped = whyRefused(template, "update-program-template");
  return (
    <>
      <h2>
        {template.name} {template.shipped ? <Badge tone="info">{t("templates.shipped")}</Badge> : <Badge tone="ok">{t("templates.own")}</Badge>}
      </h2>
      <dl className="template-facts">
        <dt>{t("organizer.field.program")}</dt>
        <dd>{statusLabel("program", template.program)}</dd>
        <dt>{t("templates.product")}</dt>
        <dd>{template.terms.product}</dd>
        <dt>{t("templates.thresholds")}</dt>
        <dd>{template.thresholds.map((th) => `${predicateLabel(th.predicate)} > ${th.above}`).join("; ")}</dd>
        <dt>{t("templates.deadlines")}</dt>
        <dd>{t("templates.deadlinesValue", { response: template.deadlines.mentorResponse, report: template.deadlines.reportLead, appeal: template.deadlines.appeal })}</dd>
        <dt>{t("templates.examiners")}</dt>
        <dd>{template.examinersRequired}</dd>
        <dt>{t("templates.agenda")}</dt>
        <dd>{template.agenda.map((s) => `${t(`templates.kind.${s.kind}` as MessageKey)} (${s.typicalDays})`).join(" → ")}</dd>
      </dl>
      {shipped && <p className="hint">{shipped}</p>}
      {offers(template, "create-program-template") && (
        <div className="actions">
          <ProblemAlert error={action.error} />
          {(institutions.data?.items.length ?? 0) > 1 && (
            <Select label={t("organizer.field.institution")} name="institutionId" value={institutionId} onChange={(e) => setInstitutionId(e.target.value)}>
              {institutions.data?.items.map((i) => (
                <option key={i.id} value={i.id}>{i.name}</option>
              ))}
            </Select>
          )}
          <Button type="button" onClick={copy} busy={action.busy} disabled={!institutionId}>
            {t("templates.copy")}
          </Button>
        </div>
      )}
    </>
  );
}

/** The form that adapts an institution's template. */
function TemplateForm({ template, onSaved }: { template: Template; onSaved: () => void }) {
  const [name, setName] = useState(template.name);
  const [terms, setTerms] = useState(template.terms);
  const [thresholds, setThresholds] = useState(template.thresholds.map((th) => ({ ...th, above: String(th.above) })));
  const [deadlines, setDeadlines] = useState({
    mentorResponse: String(template.deadlines.mentorResponse),
    reportLead: String(template.deadlines.reportLead),
    appeal: String(template.deadlines.appeal),
  });
  const [examiners, setExaminers] = useState(String(template.examinersRequired));
  const [showScores, setShowScores] = useState(template.showExaminerScores);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await ok(
        api.PATCH("/v1/program-templates/{templateId}", {
          params: { path: { templateId: template.id }, header: { "If-Match": `"${template.version}"` } },
          body: {
            name, terms,
            thresholds: thresholds.map((th) => ({ predicate: th.predicate, above: Number(th.above) })),
            deadlines: { mentorResponse: Number(deadlines.mentorResponse), reportLead: Number(deadlines.reportLead), appeal: Number(deadlines.appeal) },
            examinersRequired: Number(examiners), showExaminerScores: showScores,
          },
        }),
      );
      onSaved();
    });
  };
  const problem = action.problem;
  const term = (key: keyof typeof terms) => (
    <Field key={key} label={t(`templates.term.${key}` as MessageKey)} name={`terms.${key}`} required value={terms[key]}
      onChange={(e) => setTerms({ ...terms, [key]: e.target.value })} problem={problem} />
  );
  return (
    <form onSubmit={submit} noValidate className="panel-form">
      <ProblemAlert error={action.error} fieldsShown />
      <Field label={t("templates.name")} name="name" required value={name} onChange={(e) => setName(e.target.value)} problem={problem} />
      <fieldset>
        <legend>{t("templates.words")}</legend>
        {term("product")}
        {term("productInSentence")}
        {term("design")}
        {term("report")}
        {term("abbreviation")}
      </fieldset>
      <fieldset>
        <legend>{t("templates.thresholds")}</legend>
        {thresholds.map((th, i) => (
          <Field key={th.predicate} label={t("templates.thresholdAbove", { predicate: predicateLabel(th.predicate) })}
            name={`thresholds[${i}].above`} type="number" min={0} max={100} value={th.above}
            onChange={(e) => setThresholds(thresholds.map((x, j) => (j === i ? { ...x, above: e.target.value } : x)))} problem={problem} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("templates.deadlines")}</legend>
        <Field label={t("templates.deadline.mentorResponse")} name="deadlines.mentorResponse" type="number" min={1} max={90} value={deadlines.mentorResponse}
          onChange={(e) => setDeadlines({ ...deadlines, mentorResponse: e.target.value })} problem={problem} />
        <Field label={t("templates.deadline.reportLead")} name="deadlines.reportLead" type="number" min={0} max={60} value={deadlines.reportLead}
          onChange={(e) => setDeadlines({ ...deadlines, reportLead: e.target.value })} problem={problem} />
        <Field label={t("templates.deadline.appeal")} name="deadlines.appeal" type="number" min={0} max={30} value={deadlines.appeal}
          onChange={(e) => setDeadlines({ ...deadlines, appeal: e.target.value })} problem={problem} />
      </fieldset>
      <Field label={t("templates.examiners")} name="examinersRequired" type="number" min={1} max={5} value={examiners} onChange={(e) => setExaminers(e.target.value)} problem={problem} />
      <label className="check">
        <input type="checkbox" checked={showScores} onChange={(e) => setShowScores(e.target.checked)} /> {t("templates.showScores")}
      </label>
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy}>{t("templates.save")}</Button>
      </div>
    </form>
  );
}
