// The form recording that an agency studied or adopted an innovation (studi
// tiru), on the showcase entry: a visiting official records their own
// agency's visit; an organizer or admin (offered create-agency) any agency's.
import { useContext, useEffect, useState, type FormEvent } from "react";
import { api, ApiError, ok, type Schema } from "../../api";
import { today } from "../../format";
import { t } from "../../i18n";
import { MeContext } from "../../me";
import { offers } from "../../offers";
import { requiredProblem } from "../../problems";
import { Button, Field, ProblemAlert, reword, Select, TextArea, useAction, useIdempotencyKeys, useLoad } from "../../ui";

type Status = Schema<"ReplicationCreate">["status"];
type DocumentKind = Schema<"ReplicationDocument">["kind"];
const documentKinds: DocumentKind[] = ["mou", "pks", "sk_adopsi", "berita_acara", "other"];

/** Records a studi tiru for the publication, then calls onRecorded. */
export function RecordReplication({ publicationId, onRecorded }: { publicationId: string; onRecorded: () => void }) {
  const me = useContext(MeContext)?.me;
  // Organizers and admins record any agency; an official only their own.
  const anyAgency = offers(me, "create-agency");
  const ownAgency = me?.user.agencyId ?? "";
  const [find, setFind] = useState("");
  const [typed, setTyped] = useState("");
  const [chosen, setAgencyId] = useState("");
  const agencyId = anyAgency ? chosen : ownAgency;
  const [docKind, setDocKind] = useState<DocumentKind>("mou");
  const [docTitle, setDocTitle] = useState("");
  const [docUrl, setDocUrl] = useState("");
  const [unitId, setUnitId] = useState("");
  const [status, setStatus] = useState<Status>("studied");
  const [date, setDate] = useState(today());
  const [note, setNote] = useState("");
  const [done, setDone] = useState(false);
  const action = useAction();
  const keys = useIdempotencyKeys();
  // The agency list follows what is typed, a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => setFind(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const agencies = useLoad(
    () => (anyAgency ? ok(api.GET("/v1/agencies", { params: { query: { q: find || undefined, limit: 200 } } })) : Promise.resolve({ items: [] })),
    [find, anyAgency],
  );
  // The visiting agency's work units, once an agency is chosen.
  const units = useLoad(
    () => (agencyId ? ok(api.GET("/v1/agencies/{agencyId}/units", { params: { path: { agencyId }, query: { limit: 200 } } })) : Promise.resolve({ items: [] })),
    [agencyId],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    void action.run(async () => {
      const missing = requiredProblem({ agencyId, date });
      if (missing) throw new ApiError(missing);
      const documents = docTitle.trim() || docUrl.trim() ? [{ kind: docKind, title: docTitle.trim(), url: docUrl.trim() }] : undefined;
      const body = { agencyId, unitId: unitId || undefined, status, date, note: note.trim() || undefined, documents };
      await ok(api.POST("/v1/showcase/{publicationId}/replications", { params: { path: { publicationId }, header: { "Idempotency-Key": keys(body) } }, body }));
      setDone(true);
      setNote("");
      setDocTitle("");
      setDocUrl("");
      setAgencyId("");
      setUnitId("");
      onRecorded();
    });
  };
  const error = reword(action.error, {
    details: { 409: t("showcase.record.duplicate"), 404: t("showcase.record.gone") },
    codes: { "showcase.replication_own_agency": t("showcase.record.ownAgency"), "showcase.replication_future": t("showcase.record.future") },
  });
  const problem = error?.problem;
  const options = agencies.data?.items ?? [];

  return (
    <form className="showcase-record" onSubmit={submit} noValidate aria-labelledby="catat-h">
      <h3 id="catat-h">{t("showcase.record.title")}</h3>
      <p className="muted">{anyAgency ? t("showcase.record.intro") : t("showcase.record.visitorIntro")}</p>
      {done && (
        <p className="alert alert-ok" role="status">
          {t("showcase.record.done")}
        </p>
      )}
      <ProblemAlert error={error} fieldsShown />
      <ProblemAlert error={agencies.error} retry={agencies.reload} />
      {!anyAgency && <p>{ownAgency ? t("showcase.record.forYourAgency") : t("showcase.record.noAgencyOfYours")}</p>}
      <div className="form-row">
        {anyAgency && (
          <>
            <Field label={t("showcase.record.find")} name="agencyQuery" type="search" hint={t("showcase.record.findHint")} value={typed} onChange={(e) => setTyped(e.target.value)} />
            <Select label={t("showcase.record.agency")} name="agencyId" required value={agencyId} onChange={(e) => { setAgencyId(e.target.value); setUnitId(""); }} problem={problem} aria-busy={agencies.loading || undefined}>
              <option value="">{agencies.loading ? t("common.loading") : options.length === 0 ? t("showcase.record.noAgency") : t("showcase.record.pick")}</option>
              {options.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.region ? `${a.name} (${a.region})` : a.name}
                </option>
              ))}
            </Select>
          </>
        )}
        {(units.data?.items.length ?? 0) > 0 && (
          <Select label={t("units.unit")} name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)} problem={problem}>
            <option value="">{t("showcase.record.noUnit")}</option>
            {units.data?.items.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        )}
      </div>
      <div className="form-row">
        <Select label={t("showcase.record.status")} name="status" value={status} onChange={(e) => setStatus(e.target.value as Status)} problem={problem}>
          <option value="studied">{t("showcase.status.studied")}</option>
          <option value="adopted">{t("showcase.status.adopted")}</option>
        </Select>
        <Field label={t("showcase.record.date")} name="date" type="date" required max={today()} value={date} onChange={(e) => setDate(e.target.value)} problem={problem} />
      </div>
      <TextArea label={t("showcase.record.note")} name="note" hint={t("showcase.record.noteHint")} maxLength={10000} value={note} onChange={(e) => setNote(e.target.value)} problem={problem} />
      <fieldset>
        <legend>{t("showcase.record.document")}</legend>
        <p className="muted">{t("showcase.record.documentHint")}</p>
        <div className="form-row">
          <Select label={t("showcase.record.docKind")} name="documents[0].kind" value={docKind} onChange={(e) => setDocKind(e.target.value as DocumentKind)} problem={problem}>
            {documentKinds.map((k) => (
              <option key={k} value={k}>
                {t(`showcase.record.docKind.${k}`)}
              </option>
            ))}
          </Select>
          <Field label={t("showcase.record.docTitle")} name="documents[0].title" maxLength={200} value={docTitle} onChange={(e) => setDocTitle(e.target.value)} problem={problem} />
          <Field label={t("showcase.record.docUrl")} name="documents[0].url" type="url" maxLength={2000} value={docUrl} onChange={(e) => setDocUrl(e.target.value)} problem={problem} />
        </div>
      </fieldset>
      <Button type="submit" className="btn-primary" busy={action.busy}>
        {t("showcase.record.submit")}
      </Button>
    </form>
  );
}
