// Section a of the management page: the cohort's name, code, dates and
// phases, saved with a JSON merge patch of what changed and If-Match.
import { useState, type FormEvent } from "react";
import { api, etag, ok, type Schema } from "../../api";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { Button, Field, Select, statusLabel, useAction, useLoad } from "../../ui";
import { PhasesEditor, phasesBody, spreadPhases, withKeys, type PhaseRow } from "./PhasesEditor";
import { problemWhere } from "./problems";
import { SaveProblem } from "./shared";
import { DeadlineField } from "../followup/DeadlineField";

type Cohort = Schema<"Cohort">;

/** The cohort's details and phases as a form; reload reads the cohort again. */
export function CohortDetails({ cohort, reload }: { cohort: Cohort; reload: () => void }) {
  const [saved, setSaved] = useState<"saved" | "unchanged">();
  return (
    <>
      <CohortFacts cohort={cohort} />
      {saved && (
        <p className={"alert " + (saved === "saved" ? "alert-ok" : "alert-info")} role="status">
          {t(saved === "saved" ? "organizer.details.saved" : "organizer.details.noChange")}
        </p>
      )}
      {/* A new version (after saving or reloading) starts the form afresh from it. */}
      <DetailsForm key={cohort.version} cohort={cohort} reload={reload} onDone={setSaved} />
    </>
  );
}

/** What cannot be changed here: institution, program, and when the cohort was last changed. */
function CohortFacts({ cohort }: { cohort: Cohort }) {
  const institutions = useLoad(() => ok(api.GET("/v1/institutions", { params: { query: { limit: 200 } } })), []);
  const institution = institutions.data?.items.find((i) => i.id === cohort.institutionId);
  return (
    <dl className="facts">
      <div>
        <dt>{t("organizer.field.institution")}</dt>
        <dd>{institution?.name ?? t("common.none")}</dd>
      </div>
      <div>
        <dt>{t("organizer.field.program")}</dt>
        <dd>{statusLabel("program", cohort.program)}</dd>
      </div>
      <div>
        <dt>{t("templates.product")}</dt>
        <dd>{cohort.terms.product}</dd>
      </div>
      {cohort.partnerInstitutionId && (
        <div>
          <dt>{t("organizer.field.partner")}</dt>
          <dd>{institutions.data?.items.find((i) => i.id === cohort.partnerInstitutionId)?.name ?? t("common.none")}</dd>
        </div>
      )}
      <div>
        <dt>{t("organizer.details.period")}</dt>
        <dd>
          {formatDate(cohort.startsOn)} – {formatDate(cohort.endsOn)}
        </dd>
      </div>
    </dl>
  );
}

function DetailsForm({ cohort, reload, onDone }: { cohort: Cohort; reload: () => void; onDone: (d: "saved" | "unchanged" | undefined) => void }) {
  const [name, setName] = useState(cohort.name);
  const [code, setCode] = useState(cohort.code);
  const [startsOn, setStartsOn] = useState(cohort.startsOn);
  const [endsOn, setEndsOn] = useState(cohort.endsOn);
  const [responseDeadlineDays, setResponseDeadlineDays] = useState(String(cohort.responseDeadlineDays));
  const [phases, setPhases] = useState<PhaseRow[]>(() => withKeys(cohort.phases));
  // The cohort's own copy of its template's values (issue #20).
  const institutions = useLoad(() => ok(api.GET("/v1/institutions", { params: { query: { limit: 200 } } })), []);
  const [partnerId, setPartnerId] = useState(cohort.partnerInstitutionId ?? "");
  const [examiners, setExaminers] = useState(String(cohort.examinersRequired));
  const [appeal, setAppeal] = useState(String(cohort.appealWorkingDays));
  const [reportLead, setReportLead] = useState(String(cohort.reportLeadWorkingDays));
  const [showScores, setShowScores] = useState(cohort.showExaminerScores);
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onDone(undefined);
    void action.run(async () => {
      const patch: Schema<"CohortPatch"> = {};
      if (name !== cohort.name) patch.name = name;
      if (code !== cohort.code) patch.code = code;
      if (startsOn !== cohort.startsOn) patch.startsOn = startsOn;
      if (endsOn !== cohort.endsOn) patch.endsOn = endsOn;
      // Left empty, the deadline stays as it is.
      if (responseDeadlineDays.trim() && responseDeadlineDays.trim() !== String(cohort.responseDeadlineDays)) patch.responseDeadlineDays = Number(responseDeadlineDays);
      if (JSON.stringify(phasesBody(phases)) !== JSON.stringify(phasesBody(withKeys(cohort.phases)))) patch.phases = phasesBody(phases);
      if (partnerId !== (cohort.partnerInstitutionId ?? "")) patch.partnerInstitutionId = partnerId || null;
      if (examiners !== String(cohort.examinersRequired)) patch.examinersRequired = Number(examiners);
      if (appeal !== String(cohort.appealWorkingDays)) patch.appealWorkingDays = Number(appeal);
      if (reportLead !== String(cohort.reportLeadWorkingDays)) patch.reportLeadWorkingDays = Number(reportLead);
      if (showScores !== cohort.showExaminerScores) patch.showExaminerScores = showScores;
      if (Object.keys(patch).length === 0) {
        onDone("unchanged");
        return;
      }
      await ok(
        api.PATCH("/v1/cohorts/{cohortId}", {
          params: { path: { cohortId: cohort.id }, header: { "If-Match": etag(cohort.version) } },
          headers: { "Content-Type": "application/merge-patch+json" },
          body: patch,
        }),
      );
      onDone("saved");
      reload();
    });
  };

  const topProblem = problemWhere(action.problem, (loc) => !loc.startsWith("body.phases"));
  return (
    <form onSubmit={submit} noValidate>
      <SaveProblem error={action.error} reload={reload} fieldsShown />
      <Field label={t("organizer.field.name")} name="name" required value={name} onChange={(e) => setName(e.target.value)} problem={topProblem} />
      <div className="form-row">
        <Field label={t("organizer.field.code")} name="code" required value={code} onChange={(e) => setCode(e.target.value)} problem={topProblem} />
        <Field label={t("organizer.field.startsOn")} name="startsOn" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} problem={topProblem} />
        <Field label={t("organizer.field.endsOn")} name="endsOn" type="date" required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} problem={topProblem} />
      </div>
      <DeadlineField value={responseDeadlineDays} onChange={setResponseDeadlineDays} problem={topProblem} />
      <Select label={t("organizer.field.partner")} name="partnerInstitutionId" hint={t("organizer.field.partnerHint")} value={partnerId} onChange={(e) => setPartnerId(e.target.value)} problem={topProblem}>
        <option value="">{t("organizer.field.partnerNone")}</option>
        {(institutions.data?.items ?? [])
          .filter((i) => i.id !== cohort.institutionId)
          .map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
      </Select>
      <div className="form-row">
        <Field label={t("templates.examiners")} name="examinersRequired" type="number" min={1} max={5} value={examiners} onChange={(e) => setExaminers(e.target.value)} problem={topProblem} />
        <Field label={t("templates.deadline.appeal")} name="appealWorkingDays" type="number" min={0} max={30} value={appeal} onChange={(e) => setAppeal(e.target.value)} problem={topProblem} />
        <Field label={t("templates.deadline.reportLead")} name="reportLeadWorkingDays" type="number" min={0} max={60} value={reportLead} onChange={(e) => setReportLead(e.target.value)} problem={topProblem} />
      </div>
      <label className="check">
        <input type="checkbox" checked={showScores} onChange={(e) => setShowScores(e.target.checked)} /> {t("templates.showScores")}
      </label>
      <PhasesEditor rows={phases} onChange={setPhases} problem={action.problem} onRespread={() => setPhases(spreadPhases(startsOn, endsOn))} />
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy}>
          {t("organizer.details.save")}
        </Button>
      </div>
    </form>
  );
}
