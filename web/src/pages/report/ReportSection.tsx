// The final report's section of the project screen (issue #22 part 7): the
// Laporan Proyek Perubahan's state, its versions with their SHA-256, the
// outcomes per success indicator, the pernyataan keaslian, the
// endorsements per step, the due day and the late flag. The participant,
// the mentor and coach, organizers and examiners open it; every form and
// button appears only when get-report's actions list it, and a refusal is
// worded from its code. The report's controls carry data-report-action,
// not data-action: the browser loop compares data-action with the
// project's, milestones', evidence's and publication's offers only.
import { useState, type FormEvent } from "react";
import { api, ApiError, ok, type Problem, type Schema } from "../../api";
import { formatDate, formatDateTime, formatSize } from "../../format";
import { t, type MessageKey } from "../../i18n";
import { offers, whyRefused, type Operation } from "../../offers";
import { localizeProblem } from "../../problems";
import { session } from "../../session";
import { Badge, Button, Field, Load, ProblemAlert, reword, Select, TextArea, statusLabel, useAction, useLoad, ScrollRegion } from "../../ui";
import type { Milestone, Project } from "../participant/model";
import { downloadFile } from "../participant/upload";
import "./report.css";

/** The final report as get-report answers it. */
export type Report = Schema<"Report">;
type ReportFile = Schema<"ReportFile">;
type Step = Schema<"ReportEndorsement">["step"];

const statusTones: Record<Report["status"], "ok" | "warn" | "bad" | "info" | "muted"> = {
  draft: "muted",
  submitted: "info",
  revision_required: "warn",
  ratified: "ok",
};

/** The report's section, reloaded whenever the project changes (e.g. after submit-final in the header). */
export function ReportSection({ project, milestones, onChanged }: { project: Project; milestones: Milestone[]; onChanged: () => void }) {
  const loaded = useLoad(() => ok(api.GET("/v1/projects/{projectId}/report", { params: { path: { projectId: project.id } } })), [project.id, project.version]);
  const [changed, setChanged] = useState<Report>();
  const report = changed && loaded.data && changed.version >= loaded.data.version ? changed : loaded.data;
  const onReport = (r: Report) => {
    setChanged(r);
    onChanged();
  };
  return (
    <section id="laporan" className="panel report-section" aria-labelledby="laporan-h">
      <h2 id="laporan-h">{t("report.heading")}</h2>
      <Load loaded={{ ...loaded, data: report }}>
        {(r) => (
          <>
            <ReportState report={r} project={project} />
            <Files report={r} />
            {offers(r, "upload-report-file") && <UploadForm report={r} onDone={onReport} />}
            <Refusal report={r} op="upload-report-file" />
            <Outcomes report={r} project={project} milestones={milestones} onDone={onReport} />
            <Statement report={r} onDone={onReport} />
            <Endorsements report={r} onDone={onReport} />
            {offers(r, "allow-late-report") && <AllowLate report={r} onDone={onReport} />}
            {offers(r, "require-report-revision") && <RequireRevision report={r} onDone={onReport} />}
            <Refusal report={r} op="require-report-revision" />
            {offers(r, "download-report-pages") && <PagesDownload report={r} />}
          </>
        )}
      </Load>
    </section>
  );
}

/** What each step refused on the report is called, for the sentence that says why. */
const refusedStepNames: Partial<Record<Operation, MessageKey>> = {
  "upload-report-file": "report.upload.heading",
  "update-report-summary": "report.summary.edit",
  "sign-report-statement": "report.statement.sign",
  "endorse-report": "report.endorsements.heading",
  "require-report-revision": "report.revise.heading",
};

/** Why op is refused on the report now, when it is (worded from its code), naming the step. */
function Refusal({ report, op }: { report: Report; op: Operation }) {
  const why = whyRefused(report, op);
  const step = refusedStepNames[op];
  return why && step ? (
    <p className="muted report-refused" data-report-refused={op}>
      {t("report.refused", { step: t(step), why })}
    </p>
  ) : null;
}

/** The status, due day, late flag and allowance, seminar, revision and submit-final's state. */
function ReportState({ report, project }: { report: Report; project: Project }) {
  const submitWhy = whyRefused(report, "submit-final") ?? whyRefused(project, "submit-final");
  return (
    <div className="report-state">
      <p>
        <Badge tone={statusTones[report.status]}>{t(`report.status.${report.status}` as MessageKey)}</Badge>{" "}
        {report.late && <Badge tone="bad">{t("report.late")}</Badge>}{" "}
        {report.submittedAt && <span>{t("report.submittedAt", { date: formatDateTime(report.submittedAt) })}</span>}{" "}
        {report.ratifiedAt && <span>{t("report.ratifiedAt", { date: formatDateTime(report.ratifiedAt) })}</span>}
      </p>
      <p>{report.dueOn ? t("report.dueOn", { date: formatDate(report.dueOn) }) : t("report.noDue")}</p>
      {report.seminar && <p>{t("report.seminar", { date: formatDate(report.seminar.heldOn), place: report.seminar.place })}</p>}
      {report.lateAllowed && (
        <p className="hint">{t("report.lateAllowed", { date: formatDateTime(report.lateAllowed.at), reason: report.lateAllowed.reason })}</p>
      )}
      {report.revision && (
        <div className="report-revision">
          <strong>{t("report.revision.title", { version: report.revision.of, date: formatDateTime(report.revision.requiredAt) })}</strong>
          <p>{report.revision.comment}</p>
          <p>{t("report.revision.due", { date: formatDate(report.revision.dueOn) })}</p>
        </div>
      )}
      {offers(project, "submit-final") ? (
        <p className="hint">{t("report.submitHint")}</p>
      ) : (
        submitWhy && <p className="muted report-refused" data-report-refused="submit-final">{t("report.submitWaits", { why: submitWhy })}</p>
      )}
    </div>
  );
}

/** Every version of the report and the slides, with its SHA-256 and a download. */
function Files({ report }: { report: Report }) {
  const action = useAction();
  const download = (f: ReportFile) =>
    void action.run(() =>
      downloadFile(`/v1/projects/${encodeURIComponent(report.projectId)}/report/files/${encodeURIComponent(f.id)}/content`, f.fileName),
    );
  return (
    <>
      <h3>{t("report.files.heading")}</h3>
      {report.files.length === 0 ? (
        <p className="muted">{t("report.files.empty")}</p>
      ) : (
        <ScrollRegion label={t("report.files.heading")}>
          <table className="report-files">
            <thead>
              <tr>
                <th scope="col">{t("report.files.kind")}</th>
                <th scope="col">{t("report.files.number")}</th>
                <th scope="col">{t("report.files.name")}</th>
                <th scope="col">{t("report.files.uploadedAt")}</th>
                <th scope="col">{t("report.files.sha256")}</th>
                <th scope="col"><span className="visually-hidden">{t("report.files.download")}</span></th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((f) => (
                <tr key={f.id}>
                  <td>{t(`report.kind.${f.kind}` as MessageKey)}</td>
                  <td>
                    {f.number} {f.current && <Badge tone="ok">{t("report.files.current")}</Badge>}{" "}
                    {f.revision && <Badge tone="info">{t("report.files.revision")}</Badge>}{" "}
                    {f.late && <Badge tone="bad">{t("report.files.lateFlag")}</Badge>}
                  </td>
                  <td>
                    {f.fileName} <span className="muted">({formatSize(f.size)})</span>
                  </td>
                  <td>{formatDateTime(f.uploadedAt)}</td>
                  <td><code className="sha256">{f.sha256}</code></td>
                  <td>
                    <Button className="btn-small" busy={action.busy} onClick={() => download(f)}>
                      {t("report.files.download")} <span className="visually-hidden">{f.fileName}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ProblemAlert error={action.error} />
    </>
  );
}

/**
 * Sends a version (upload-report-file) as multipart/form-data, kind first as
 * the API reads the parts in order. Fails with an ApiError holding the API's
 * problem (413, 415, 409 report.submitted, …).
 */
async function uploadReportFile(projectId: string, kind: ReportFile["kind"], file: File): Promise<Report> {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", file);
  const token = session.token();
  const response = await fetch(`/v1/projects/${encodeURIComponent(projectId)}/report/files`, {
    method: "POST",
    headers: { Accept: "application/json, application/problem+json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: form,
  }).catch(() => {
    throw new ApiError({ status: 0, title: t("common.networkError") });
  });
  if (!response.ok) {
    if (response.status === 401) session.expire();
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(localizeProblem({ ...problem, status: response.status }));
  }
  return (await response.json()) as Report;
}

/** The upload of a new version of the report (a PDF) or the slides. */
function UploadForm({ report, onDone }: { report: Report; onDone: (r: Report) => void }) {
  const [kind, setKind] = useState<ReportFile["kind"]>("report");
  const [file, setFile] = useState<File>();
  const [done, setDone] = useState(false);
  const action = useAction();
  // The catalogue's 415 speaks of evidence; here it is the report's or the slides' type.
  const error = reword(action.error, { details: { 415: t("report.upload.unsupported") } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    void action.run(async () => {
      if (!file) throw new ApiError({ status: 422, title: t("problem.422"), errors: [{ location: "body.file", message: t("report.upload.chooseFile") }] });
      onDone(await uploadReportFile(report.projectId, kind, file));
      setFile(undefined);
      setDone(true);
    });
  };
  return (
    <form className="report-upload" onSubmit={submit} noValidate data-report-action="upload-report-file" aria-label={t("report.upload.heading")}>
      <h3>{t("report.upload.heading")}</h3>
      <p className="hint">{t("report.upload.hint")}</p>
      <Select label={t("report.upload.kind")} name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ReportFile["kind"])}>
        <option value="report">{t("report.kind.report")}</option>
        <option value="slides">{t("report.kind.slides")}</option>
      </Select>
      <Field key={done ? "sent" : "new"} label={t("report.upload.file")} name="file" type="file" problem={error?.problem}
        accept={kind === "report" ? ".pdf,application/pdf" : ".pdf,.ppt,.pptx,.odp"} onChange={(e) => setFile(e.currentTarget.files?.[0])} />
      <ProblemAlert error={error} fieldsShown />
      {done && !error && <p className="alert alert-ok" role="status">{t("report.upload.done")}</p>}
      <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("report.upload.sending")}>
        {t("report.upload.send")}
      </Button>
    </form>
  );
}

/** The outcome of each success indicator (baseline → target → achieved), the milestones declared not achieved, and their form. */
function Outcomes({ report, project, milestones, onDone }: { report: Report; project: Project; milestones: Milestone[]; onDone: (r: Report) => void }) {
  const [editing, setEditing] = useState(false);
  const indicators = (project.successIndicators ?? []).filter((i) => i.id);
  const outcomeOf = (id: string | undefined) => report.outcomes.find((o) => o.indicatorId === id);
  const titleOf = (id: string) => milestones.find((m) => m.id === id)?.title ?? id;
  return (
    <>
      <h3>{t("report.summary.heading")}</h3>
      {indicators.length === 0 ? (
        <p className="muted">{t("report.summary.noIndicators")}</p>
      ) : (
        <ScrollRegion label={t("report.summary.heading")}>
          <table className="report-outcomes">
            <thead>
              <tr>
                <th scope="col">{t("report.summary.indicator")}</th>
                <th scope="col">{t("report.summary.baseline")}</th>
                <th scope="col">{t("report.summary.target")}</th>
                <th scope="col">{t("report.summary.achieved")}</th>
                <th scope="col">{t("report.summary.note")}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => {
                const o = outcomeOf(i.id);
                return (
                  <tr key={i.id}>
                    <td>{i.name}</td>
                    <td>{[i.baseline, i.unit].filter(Boolean).join(" ")}</td>
                    <td>{[i.target, i.unit].filter(Boolean).join(" ")}</td>
                    <td>{o ? o.achieved : <span className="muted">{t("report.summary.none")}</span>}</td>
                    <td>{o?.note}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p>
        <strong>{t("report.summary.notAchieved")}:</strong>{" "}
        {report.notAchieved.length === 0 ? t("report.summary.notAchievedNone") : report.notAchieved.map(titleOf).join("; ")}
      </p>
      {offers(report, "update-report-summary") &&
        (editing ? (
          <SummaryForm report={report} indicators={indicators} milestones={milestones}
            onDone={(r) => {
              setEditing(false);
              onDone(r);
            }}
            onCancel={() => setEditing(false)} />
        ) : (
          <Button className="btn-small" data-report-action="update-report-summary" onClick={() => setEditing(true)}>
            {t("report.summary.edit")}
          </Button>
        ))}
      <Refusal report={report} op="update-report-summary" />
    </>
  );
}

type Indicator = Schema<"SuccessIndicator">;

/** update-report-summary: the value achieved and a note per indicator, and the short-term milestones declared not achieved. */
function SummaryForm({ report, indicators, milestones, onDone, onCancel }: {
  report: Report; indicators: Indicator[]; milestones: Milestone[]; onDone: (r: Report) => void; onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<string, { achieved: string; note: string }>>(() =>
    Object.fromEntries(indicators.map((i) => {
      const o = report.outcomes.find((x) => x.indicatorId === i.id);
      return [i.id!, { achieved: o?.achieved ?? "", note: o?.note ?? "" }];
    })),
  );
  const valueOf = (id: string) => values[id] ?? { achieved: "", note: "" };
  const set = (id: string, change: Partial<{ achieved: string; note: string }>) => setValues({ ...values, [id]: { ...valueOf(id), ...change } });
  const [notAchieved, setNotAchieved] = useState<string[]>(report.notAchieved);
  // Every short-term milestone, with its status shown: the API refuses one it may not close (422 at notAchieved[i]).
  const shortOpen = milestones.filter((m) => m.horizon === "short");
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const outcomes = indicators
        .filter((i) => valueOf(i.id!).achieved.trim())
        .map((i) => ({ indicatorId: i.id!, achieved: valueOf(i.id!).achieved, note: valueOf(i.id!).note || undefined }));
      onDone(await ok(api.PUT("/v1/projects/{projectId}/report/summary", { params: { path: { projectId: report.projectId } }, body: { outcomes, notAchieved } })));
    });
  };
  return (
    <form className="report-summary-form" onSubmit={submit} noValidate data-report-action="update-report-summary" aria-label={t("report.summary.edit")}>
      {indicators.map((i, n) => (
        <fieldset key={i.id}>
          <legend>{i.name}</legend>
          <p className="hint">
            {t("report.summary.baseline")}: {i.baseline} → {t("report.summary.target")}: {i.target} {i.unit}
          </p>
          <Field label={t("report.summary.achieved")} name={`outcomes[${n}].achieved`} problem={action.problem} value={valueOf(i.id!).achieved}
            onChange={(e) => set(i.id!, { achieved: e.currentTarget.value })} />
          <TextArea label={t("report.summary.note")} name={`outcomes[${n}].note`} problem={action.problem} rows={2} value={valueOf(i.id!).note}
            onChange={(e) => set(i.id!, { note: e.currentTarget.value })} />
        </fieldset>
      ))}
      {shortOpen.length > 0 && (
        <fieldset>
          <legend>{t("report.summary.notAchieved")}</legend>
          {shortOpen.map((m) => (
            <label key={m.id} className="checkbox">
              <input type="checkbox" checked={notAchieved.includes(m.id)}
                onChange={(e) => setNotAchieved(e.currentTarget.checked ? [...notAchieved, m.id] : notAchieved.filter((x) => x !== m.id))} />{" "}
              {m.title} <span className="muted">({statusLabel("milestoneStatus", m.status)})</span>
            </label>
          ))}
        </fieldset>
      )}
      <ProblemAlert error={action.error} />
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("common.saving")}>{t("report.summary.save")}</Button>
        <Button type="button" onClick={onCancel} disabled={action.busy}>{t("common.cancel")}</Button>
      </div>
    </form>
  );
}

/** The pernyataan keaslian: as signed, and the participant's form to sign it (naming a replicated innovation, optionally). */
function Statement({ report, onDone }: { report: Report; onDone: (r: Report) => void }) {
  const s = report.statement;
  const [innovation, setInnovation] = useState(s?.replicatedInnovation ?? "");
  const action = useAction();
  const sign = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      onDone(await ok(api.POST("/v1/projects/{projectId}/report/statement", {
        params: { path: { projectId: report.projectId } }, body: { replicatedInnovation: innovation.trim() },
      })));
    });
  };
  return (
    <>
      <h3>{t("report.statement.heading")}</h3>
      {s ? (
        <p>
          {t("report.statement.signed", { name: s.name, date: formatDateTime(s.signedAt) })}{" "}
          {s.replicatedInnovation ? t("report.statement.replicated", { innovation: s.replicatedInnovation }) : t("report.statement.noReplication")}
        </p>
      ) : (
        <p className="muted">{t("report.statement.unsigned")}</p>
      )}
      {offers(report, "sign-report-statement") && (
        <form className="report-statement" onSubmit={sign} noValidate data-report-action="sign-report-statement" aria-label={t("report.statement.sign")}>
          <Field label={t("report.statement.innovation")} name="replicatedInnovation" hint={t("report.statement.innovationHint")} problem={action.problem}
            value={innovation} maxLength={300} onChange={(e) => setInnovation(e.currentTarget.value)} />
          <ProblemAlert error={action.error} fieldsShown />
          <Button type="submit" busy={action.busy} busyLabel={t("participant.working")}>{t("report.statement.sign")}</Button>
        </form>
      )}
      <Refusal report={report} op="sign-report-statement" />
    </>
  );
}

/** The endorsements per step (name, position, time, version, whether they count) and the mentor's or coach's signature. */
function Endorsements({ report, onDone }: { report: Report; onDone: (r: Report) => void }) {
  const steps: Step[] = ["persetujuan", "pengesahan"];
  // The step endorse-report signs now: the persetujuan until submission, then the pengesahan.
  const open: Step = report.submittedAt ? "pengesahan" : "persetujuan";
  return (
    <>
      <h3>{t("report.endorsements.heading")}</h3>
      {steps.map((step) => {
        const list = report.endorsements.filter((e) => e.step === step);
        return (
          <div key={step} className="report-step">
            <h4>{t(`report.step.${step}` as MessageKey)}</h4>
            {list.length === 0 ? (
              <p className="muted">{t("report.endorsements.none")}</p>
            ) : (
              <ul className="report-endorsements">
                {list.map((e, i) => (
                  <li key={i} className={e.counts ? undefined : "voided"}>
                    {t("report.endorsement.line", {
                      role: statusLabel("role", e.role), name: e.name, position: e.position, date: formatDateTime(e.at), version: e.fileNumber,
                    })}{" "}
                    <Badge tone={e.counts ? "ok" : "muted"}>{t(e.counts ? "report.endorsement.counts" : "report.endorsement.voided")}</Badge>
                    <br />
                    <code className="sha256">{e.sha256}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {offers(report, "endorse-report") && <EndorseForm report={report} step={open} onDone={onDone} />}
      <Refusal report={report} op="endorse-report" />
    </>
  );
}

/** endorse-report for the open step, with the position (jabatan) to show. */
function EndorseForm({ report, step, onDone }: { report: Report; step: Step; onDone: (r: Report) => void }) {
  const [position, setPosition] = useState("");
  const [done, setDone] = useState(false);
  const action = useAction();
  const endorse = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    void action.run(async () => {
      onDone(await ok(api.POST("/v1/projects/{projectId}/report/endorsements", {
        params: { path: { projectId: report.projectId } }, body: { step, position: position.trim() || undefined },
      })));
      setDone(true);
    });
  };
  return (
    <form className="report-endorse" onSubmit={endorse} noValidate data-report-action="endorse-report" aria-label={t(`report.endorse.${step}` as MessageKey)}>
      <Field label={t("report.endorse.position")} name="position" problem={action.problem} value={position} maxLength={200}
        onChange={(e) => setPosition(e.currentTarget.value)} />
      <ProblemAlert error={action.error} fieldsShown />
      {done && !action.error && <p className="alert alert-ok" role="status">{t("report.endorse.done")}</p>}
      <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("participant.working")}>
        {t(`report.endorse.${step}` as MessageKey)}
      </Button>
    </form>
  );
}

/** allow-late-report: an organizer allows a submission after the due day, with a reason. */
function AllowLate({ report, onDone }: { report: Report; onDone: (r: Report) => void }) {
  const [reason, setReason] = useState("");
  const action = useAction();
  const allow = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      onDone(await ok(api.POST("/v1/projects/{projectId}/report/late-allowance", { params: { path: { projectId: report.projectId } }, body: { reason } })));
      setReason("");
    });
  };
  return (
    <form className="report-late" onSubmit={allow} noValidate data-report-action="allow-late-report" aria-label={t("report.late.heading")}>
      <h3>{t("report.late.heading")}</h3>
      <TextArea label={t("report.late.reason")} name="reason" problem={action.problem} rows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <ProblemAlert error={action.error} fieldsShown />
      <Button type="submit" busy={action.busy} busyLabel={t("participant.working")}>{t("report.late.allow")}</Button>
    </form>
  );
}

/** require-report-revision: an examiner of the final seminar session asks for a revision by a deadline. */
function RequireRevision({ report, onDone }: { report: Report; onDone: (r: Report) => void }) {
  const [comment, setComment] = useState("");
  const [dueOn, setDueOn] = useState("");
  const action = useAction();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      onDone(await ok(api.POST("/v1/projects/{projectId}/report/revision", { params: { path: { projectId: report.projectId } }, body: { comment, dueOn } })));
      setComment("");
      setDueOn("");
    });
  };
  return (
    <form className="report-revise" onSubmit={send} noValidate data-report-action="require-report-revision" aria-label={t("report.revise.heading")}>
      <h3>{t("report.revise.heading")}</h3>
      <TextArea label={t("report.revise.comment")} name="comment" problem={action.problem} rows={3} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
      <Field label={t("report.revise.dueOn")} name="dueOn" type="date" problem={action.problem} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
      <ProblemAlert error={action.error} fieldsShown />
      <Button type="submit" busy={action.busy} busyLabel={t("participant.working")}>{t("report.revise.send")}</Button>
    </form>
  );
}

/** download-report-pages: the cover and sheets to bind with the report. */
function PagesDownload({ report }: { report: Report }) {
  const action = useAction();
  return (
    <div className="actions report-pages">
      <Button className="btn-small" data-report-action="download-report-pages" busy={action.busy} busyLabel={t("participant.working")}
        onClick={() => void action.run(() => downloadFile(`/v1/projects/${encodeURIComponent(report.projectId)}/report/pages.pdf`, `lembar-laporan-${report.projectId}.pdf`))}>
        {t("report.pages.download")}
      </Button>
      <ProblemAlert error={action.error} />
    </div>
  );
}
