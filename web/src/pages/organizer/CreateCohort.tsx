// Creating a cohort (angkatan): institution, name, code, program, dates and
// the schedule of phases; the API's problems next to the fields they name.
import { useContext, useState, type FormEvent } from "react";
import { api, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { MeContext, useMe } from "../../me";
import { offers } from "../../offers";
import { navigate } from "../../router";
import { Button, Field, Load, PageTitle, ProblemAlert, Select, statusLabel, useAction, useIdempotencyKeys, useLoad } from "../../ui";
import { PhasesEditor, phasesBody, spreadPhases, type PhaseRow } from "./PhasesEditor";
import { problemWhere } from "./problems";
import { DeadlineField } from "../followup/DeadlineField";
import "./organizer.css";

type Program = Schema<"Cohort">["program"];

/** The programs a cohort can run, in the order organizers think of them. */
export const programs: Program[] = ["pkn1", "pkn2", "pka", "pkp"];

/** The create-cohort screen at /angkatan/baru, for platform admins and institution organizers. */
export function CreateCohort() {
  const me = useMe();
  const allowed = offers(me, "create-cohort");
  return (
    <div className="org">
      <PageTitle title={t("organizer.create.title")} />
      {allowed ? <CreateCohortForm /> : <p className="alert alert-info">{t("organizer.create.notAllowed")}</p>}
    </div>
  );
}

function CreateCohortForm() {
  const meContext = useContext(MeContext);
  const institutions = useLoad(() => ok(api.GET("/v1/institutions", { params: { query: { limit: 200 } } })), []);
  const templates = useLoad(() => ok(api.GET("/v1/program-templates")), []);
  const [templateId, setTemplateId] = useState("");
  const [partnerId, setPartnerId] = useState("");
  const [institutionId, setInstitutionId] = useState("");
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [program, setProgram] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [responseDeadlineDays, setResponseDeadlineDays] = useState("7");
  // Until the user edits the phases, they follow the training's dates.
  const [editedPhases, setEditedPhases] = useState<PhaseRow[]>();
  const phases = editedPhases ?? spreadPhases(startsOn, endsOn);
  const action = useAction();
  const keyFor = useIdempotencyKeys();

  const only = institutions.data?.items.length === 1 ? institutions.data.items[0]!.id : "";
  const chosenInstitution = institutionId || only;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const body = {
        institutionId: chosenInstitution, name, code, program: program as Program, startsOn, endsOn, phases: phasesBody(phases),
        ...(responseDeadlineDays.trim() ? { responseDeadlineDays: Number(responseDeadlineDays) } : {}),
        ...(templateId ? { templateId } : {}),
        ...(partnerId ? { partnerInstitutionId: partnerId } : {}),
      };
      const cohort = await ok(api.POST("/v1/cohorts", { params: { header: { "Idempotency-Key": keyFor(body) } }, body }));
      meContext?.reload();
      navigate(`/angkatan/${cohort.id}/kelola`);
    });
  };

  const topProblem = problemWhere(action.problem, (loc) => !loc.startsWith("body.phases"));
  return (
    <form onSubmit={submit} noValidate className="panel-form">
      <p>{t("organizer.create.intro")}</p>
      <ProblemAlert error={action.error} fieldsShown />
      <Load loaded={institutions}>
        {(list) => (
          <Select label={t("organizer.field.institution")} name="institutionId" required value={chosenInstitution} onChange={(e) => setInstitutionId(e.target.value)} problem={topProblem}>
            {list.items.length !== 1 && <option value="">{t("organizer.field.choose")}</option>}
            {list.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </Select>
        )}
      </Load>
      <Field label={t("organizer.field.name")} name="name" hint={t("organizer.field.nameHint")} required value={name} onChange={(e) => setName(e.target.value)} problem={topProblem} />
      <div className="form-row">
        <Field label={t("organizer.field.code")} name="code" hint={t("organizer.field.codeHint")} required value={code} onChange={(e) => setCode(e.target.value)} problem={topProblem} />
        <Select label={t("organizer.field.program")} name="program" required value={program} onChange={(e) => { setProgram(e.target.value); setTemplateId(""); }} problem={topProblem}>
          <option value="">{t("organizer.field.choose")}</option>
          {programs.map((p) => (
            <option key={p} value={p}>
              {statusLabel("program", p)}
            </option>
          ))}
        </Select>
      </div>
      {/* The template of the program: LAN's, or one of the institution's own copies. */}
      <Select label={t("organizer.field.template")} name="templateId" hint={t("organizer.field.templateHint")} value={templateId} problem={topProblem}
        onChange={(e) => {
          setTemplateId(e.target.value);
          const chosen = templates.data?.items.find((x) => x.id === e.target.value);
          if (chosen) setResponseDeadlineDays(String(chosen.deadlines.mentorResponse));
        }}>
        <option value="">{t("organizer.field.templateDefault")}</option>
        {(templates.data?.items ?? [])
          .filter((x) => x.program === program && (x.shipped || x.institutionId === chosenInstitution))
          .map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
      </Select>
      <Select label={t("organizer.field.partner")} name="partnerInstitutionId" hint={t("organizer.field.partnerHint")} value={partnerId} onChange={(e) => setPartnerId(e.target.value)} problem={topProblem}>
        <option value="">{t("organizer.field.partnerNone")}</option>
        {(institutions.data?.items ?? [])
          .filter((i) => i.id !== chosenInstitution)
          .map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
      </Select>
      <div className="form-row">
        <Field label={t("organizer.field.startsOn")} name="startsOn" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} problem={topProblem} />
        <Field label={t("organizer.field.endsOn")} name="endsOn" type="date" required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} problem={topProblem} />
      </div>
      <DeadlineField value={responseDeadlineDays} onChange={setResponseDeadlineDays} problem={topProblem} />
      {!editedPhases && phases.length > 0 && <p className="hint">{t("organizer.phases.defaultHint")}</p>}
      <PhasesEditor rows={phases} onChange={setEditedPhases} problem={action.problem} onRespread={editedPhases ? () => setEditedPhases(undefined) : undefined} />
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("organizer.create.submitting")}>
          {t("organizer.create.submit")}
        </Button>
      </div>
    </form>
  );
}
