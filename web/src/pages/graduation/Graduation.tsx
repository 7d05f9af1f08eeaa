// Graduation (kelulusan, issue #21): the organizer's screen at
// /angkatan/:cohortId/kelulusan (components and weights, every standing,
// scores entered by CSV, the certificate settings, determination and
// release, each as the graduation offers it), and the participant's result
// on the project page (weights, their own standing once released, and the
// certificate's download).
import { useState, type ChangeEvent } from "react";
import { api, etag, ok, type Schema } from "../../api";
import { formatDateTime, formatNumber } from "../../format";
import { t } from "../../i18n";
import { offers, whyRefused } from "../../offers";
import { Badge, Button, Field, Load, PageTitle, ProblemAlert, useAction, useLoad } from "../../ui";
import { saveFile } from "../agenda/download";

type Graduation = Schema<"Graduation">;
type Standing = Schema<"GraduationStanding">;

/** Downloads an enrollment's certificate (download-certificate). */
async function downloadCertificate(enrollmentId: string, number: string) {
  const blob = await ok(api.GET("/v1/enrollments/{enrollmentId}/certificate.pdf", { params: { path: { enrollmentId } }, parseAs: "blob" }));
  saveFile(blob as Blob, `sertifikat-${number.replace(/[/ ]/g, "-")}.pdf`);
}

/** The components with their weights and minimums. */
function Components({ g }: { g: Graduation }) {
  return (
    <ul className="list">
      {g.components.map((c) => (
        <li key={c.key}>
          {t("graduation.component", { name: c.name, weight: c.weight })}
          {c.minimum ? ` (${t("graduation.minimum", { minimum: formatNumber(c.minimum, 2) })})` : ""}
        </li>
      ))}
    </ul>
  );
}

/** A standing's outcome as a badge. */
function Outcome({ s }: { s: Standing }) {
  const tone = s.outcome === "lulus" ? "ok" : s.outcome === "tidak_lulus" ? "bad" : "muted";
  return <Badge tone={tone}>{t(`graduation.outcome.${s.outcome}`)}</Badge>;
}

/** The participant's graduation on their project page: nothing until the cohort has components. */
export function MyGraduation({ cohortId, enrollmentId }: { cohortId: string; enrollmentId: string }) {
  const g = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/graduation", { params: { path: { cohortId } } })), [cohortId]);
  const action = useAction();
  if (!g.data || g.data.components.length === 0) return null;
  const mine = g.data.standings.find((s) => s.enrollmentId === enrollmentId);
  return (
    <section className="panel" aria-labelledby="kelulusan-h">
      <h2 id="kelulusan-h">{t("graduation.mine")}</h2>
      <h3>{t("graduation.components")}</h3>
      <Components g={g.data} />
      {mine && mine.outcome !== "pending" && (
        <p>
          {t("graduation.myResult", { total: formatNumber(mine.total, 2), outcome: t(`graduation.outcome.${mine.outcome}`),
            predicate: mine.predicate ? t(`participant.predicate.${mine.predicate}`) : "", rank: mine.rank ?? "" })}{" "}
          {mine.best && <Badge tone="ok">{t("graduation.best")}</Badge>}
        </p>
      )}
      {mine?.certificate && (
        <>
          <p>
            {mine.certificate.status === "revoked"
              ? t("graduation.certificateRevoked", { number: mine.certificate.number })
              : t("graduation.certificate", { number: mine.certificate.number })}
          </p>
          <ProblemAlert error={action.error} />
          <Button className="btn" busy={action.busy} onClick={() => void action.run(() => downloadCertificate(enrollmentId, mine.certificate!.number))}>
            {t("graduation.download")}
          </Button>
        </>
      )}
    </section>
  );
}

/** The organizer's graduation screen. */
export function GraduationScreen({ cohortId }: { cohortId: string }) {
  const g = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/graduation", { params: { path: { cohortId } } })), [cohortId]);
  const cohort = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}", { params: { path: { cohortId } } })), [cohortId]);
  return (
    <>
      <PageTitle title={t("graduation.title")} />
      <Load loaded={g}>{(data) => <GraduationBoard g={data} cohortName={cohort.data?.name ?? ""} reload={g.reload} />}</Load>
    </>
  );
}

function GraduationBoard({ g, cohortName, reload }: { g: Graduation; cohortName: string; reload: () => void }) {
  const action = useAction();
  const [notice, setNotice] = useState("");
  const run = (call: () => Promise<unknown>, done = "") =>
    void action.run(async () => {
      await call();
      setNotice(done);
      reload();
    });
  const path = { params: { path: { cohortId: g.cohortId } } };
  const importFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    run(async () => {
      const text = await f.text();
      await ok(api.POST("/v1/cohorts/{cohortId}/graduation/scores", { ...path, headers: { "Content-Type": "text/csv" }, body: text,
        bodySerializer: (csv: string) => csv }));
    }, t("graduation.imported"));
    e.target.value = "";
  };
  const entered = g.components.filter((c) => c.key !== "akademik");
  return (
    <div className="graduation">
      <p>{t("graduation.intro", { cohort: cohortName })}</p>
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      <ProblemAlert error={action.error} fieldsShown={false} />
      {g.determinedAt && <p className="muted">{t("graduation.determined", { date: formatDateTime(g.determinedAt) })}</p>}
      {g.releasedAt && <p className="muted">{t("graduation.released", { date: formatDateTime(g.releasedAt) })}</p>}
      <section aria-labelledby="komponen-h">
        <h2 id="komponen-h">{t("graduation.components")}</h2>
        <Components g={g} />
      </section>
      <section aria-labelledby="peringkat-h">
        <h2 id="peringkat-h">{t("graduation.standings")}</h2>
        {g.standings.length === 0 ? (
          <p className="muted">{t("graduation.none")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("graduation.rank")}</th>
                <th scope="col">{t("graduation.name")}</th>
                {g.components.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.name}
                  </th>
                ))}
                <th scope="col">{t("graduation.total")}</th>
                <th scope="col">{t("graduation.outcome")}</th>
                <th scope="col">{t("graduation.predicate")}</th>
              </tr>
            </thead>
            <tbody>
              {g.standings.map((s) => (
                <tr key={s.enrollmentId}>
                  <td>{s.rank ?? "–"}</td>
                  <td>
                    {s.name} {s.best && <Badge tone="ok">{t("graduation.best")}</Badge>}
                    {s.certificate && (
                      <div className="muted">
                        {s.certificate.status === "revoked"
                          ? t("graduation.certificateRevoked", { number: s.certificate.number })
                          : t("graduation.certificate", { number: s.certificate.number })}{" "}
                        <Button className="btn-link" onClick={() => run(() => downloadCertificate(s.enrollmentId, s.certificate!.number))}>
                          {t("graduation.download")}
                        </Button>
                      </div>
                    )}
                  </td>
                  {g.components.map((c) => (
                    <td key={c.key}>{s.scores[c.key] === undefined ? "–" : formatNumber(s.scores[c.key]!, 2)}</td>
                  ))}
                  <td>{s.outcome === "pending" ? "–" : formatNumber(s.total, 2)}</td>
                  <td>
                    <Outcome s={s} />
                  </td>
                  <td>{s.predicate ? t(`participant.predicate.${s.predicate}`) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {offers(g, "import-graduation-scores") && entered.length > 0 && (
        <section aria-labelledby="unggah-h">
          <h2 id="unggah-h">{t("graduation.import")}</h2>
          <p className="muted">{t("graduation.importHint")}</p>
          <input type="file" accept=".csv,text/csv" aria-label={t("graduation.import")} onChange={importFile} />
        </section>
      )}
      {offers(g, "update-graduation") && <SettingsForm g={g} onSaved={reload} />}
      <div className="actions">
        {offers(g, "determine-graduation") ? (
          <Button className="btn-primary" busy={action.busy} onClick={() => run(() => ok(api.POST("/v1/cohorts/{cohortId}/graduation/determination", path)))}>
            {t("graduation.determine")}
          </Button>
        ) : (
          whyRefused(g, "determine-graduation") && <p className="muted">{whyRefused(g, "determine-graduation")}</p>
        )}
        {offers(g, "release-graduation") && (
          <Button className="btn-primary" busy={action.busy} onClick={() => run(() => ok(api.POST("/v1/cohorts/{cohortId}/graduation/release", path)))}>
            {t("graduation.release")}
          </Button>
        )}
      </div>
    </div>
  );
}

/** The certificate settings: peserta terbaik, number format and signatory. */
function SettingsForm({ g, onSaved }: { g: Graduation; onSaved: () => void }) {
  const [s, setS] = useState(g.settings);
  const action = useAction();
  const save = () =>
    void action.run(async () => {
      await ok(api.PATCH("/v1/cohorts/{cohortId}/graduation", { params: { path: { cohortId: g.cohortId }, header: { "If-Match": etag(g.version) } },
        body: s }));
      onSaved();
    });
  return (
    <section aria-labelledby="pengaturan-h">
      <h2 id="pengaturan-h">{t("graduation.settings")}</h2>
      <ProblemAlert error={action.error} fieldsShown />
      <label>
        <input type="checkbox" checked={s.namesBestParticipant} onChange={(e) => setS({ ...s, namesBestParticipant: e.target.checked })} />{" "}
        {t("graduation.namesBest")}
      </label>
      <Field label={t("graduation.numberFormat")} hint={t("graduation.numberFormatHint")} name="certificateNumberFormat" value={s.certificateNumberFormat}
        problem={action.problem} onChange={(e) => setS({ ...s, certificateNumberFormat: e.target.value })} maxLength={100} />
      <Field label={t("graduation.signatoryName")} name="signatoryName" value={s.signatoryName} problem={action.problem}
        onChange={(e) => setS({ ...s, signatoryName: e.target.value })} maxLength={200} />
      <Field label={t("graduation.signatoryPosition")} name="signatoryPosition" value={s.signatoryPosition} problem={action.problem}
        onChange={(e) => setS({ ...s, signatoryPosition: e.target.value })} maxLength={200} />
      <Button className="btn" busy={action.busy} onClick={save}>
        {t("graduation.saveSettings")}
      </Button>
    </section>
  );
}
