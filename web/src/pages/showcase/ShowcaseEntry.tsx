// A published innovation at /etalase/:publicationId: what it solves and how,
// who made it, the milestones achieved, its public evidence and its studi
// tiru. Public; signed-in organizers and admins also record a studi tiru.
import { useContext } from "react";
import { api } from "../../api";
import { formatDate, formatSize } from "../../format";
import { t } from "../../i18n";
import { MeContext } from "../../me";
import { offers } from "../../offers";
import { Link } from "../../router";
import { Badge, Empty, Load, PageTitle, statusLabel, useLoad } from "../../ui";
import { RecordReplication } from "./RecordReplication";
import { Areas, publicCall, ReplicationCounts, type Entry } from "./shared";
import "./showcase.css";

/** The showcase entry screen. */
export function ShowcaseEntry({ publicationId }: { publicationId: string }) {
  // Public answers may be cached for a minute; signed-in people (who change
  // entries) always ask the server whether theirs is still fresh.
  const signedIn = useContext(MeContext) !== null;
  const entry = useLoad(
    () => publicCall(api.GET("/v1/showcase/{publicationId}", { params: { path: { publicationId } }, cache: signedIn ? "no-cache" : "default" })),
    [publicationId, signedIn],
  );
  return (
    <div className="showcase">
      <p className="showcase-back">
        <Link href="/etalase">← {t("showcase.back")}</Link>
      </p>
      {entry.data === undefined && <PageTitle title={t("showcase.entryTitle")} />}
      <Load loaded={entry}>{(e) => <EntryView entry={e} onRecorded={entry.reload} />}</Load>
    </div>
  );
}

function EntryView({ entry: e, onRecorded }: { entry: Entry; onRecorded: () => void }) {
  const me = useContext(MeContext)?.me;
  const records = offers(me, "record-replication");
  return (
    <article className="showcase-entry">
      <PageTitle title={e.title} />
      <p className="showcase-meta">
        {e.unitName && `${e.unitName}, `}
        <strong>{e.agencyName}</strong>
        {e.region && `, ${e.region}`} · {statusLabel("program", e.program)} {e.year} · {t("showcase.publishedOn", { date: formatDate(e.publishedAt) })}
      </p>
      <Areas areas={e.innovationAreas} />
      <ReplicationCounts counts={e.replications} />

      <section className="panel" aria-labelledby="masalah-h">
        <h2 id="masalah-h">{t("showcase.problem")}</h2>
        <p className="showcase-text">{e.problem}</p>
      </section>
      <section className="panel" aria-labelledby="inovasi-h">
        <h2 id="inovasi-h">{t("showcase.innovation")}</h2>
        <p className="showcase-text">{e.innovation}</p>
      </section>

      <section className="panel" aria-labelledby="capaian-h">
        <h2 id="capaian-h">{t("showcase.milestones")}</h2>
        {e.milestones.length === 0 ? (
          <Empty>{t("showcase.noMilestones")}</Empty>
        ) : (
          <ul className="list">
            {e.milestones.map((m, i) => (
              <li key={i}>
                <strong>{m.title}</strong>
                <br />
                <span className="muted">
                  {statusLabel("horizon", m.horizon)} · {t("showcase.achievedOn", { date: formatDate(m.achievedOn) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="bukti-h">
        <h2 id="bukti-h">{t("showcase.evidence")}</h2>
        {e.evidence.length === 0 ? <Empty>{t("showcase.noEvidence")}</Empty> : <EvidenceList entry={e} />}
      </section>

      <section className="panel" aria-labelledby="studi-h">
        <h2 id="studi-h">{t("showcase.replications")}</h2>
        {e.replicatedBy.length === 0 ? (
          <Empty>{t("showcase.noReplications")}</Empty>
        ) : (
          <ul className="list">
            {e.replicatedBy.map((r, i) => (
              <li key={i}>
                <Badge tone={r.status === "adopted" ? "ok" : "info"}>{t(`showcase.status.${r.status}`)}</Badge> <strong>{r.agencyName}</strong>
                {r.unitName && <span className="muted"> {t("showcase.visitingUnit", { unit: r.unitName })}</span>}
                {r.region && <span className="muted">, {r.region}</span>} <span className="muted">· {formatDate(r.date)}</span>
              </li>
            ))}
          </ul>
        )}
        {records && <RecordReplication publicationId={e.id} onRecorded={onRecorded} />}
      </section>
    </article>
  );
}

/** The public evidence: images shown inline, other files to download, links to open. */
function EvidenceList({ entry }: { entry: Entry }) {
  return (
    <ul className="list showcase-evidence">
      {entry.evidence.map((ev) => {
        const isImage = ev.kind === "file" && ev.contentPath && (ev.mediaType ?? "").startsWith("image/");
        return (
          <li key={ev.id}>
            <strong>{ev.title}</strong>
            <span className="muted"> · {t("showcase.evidenceFor", { milestone: ev.milestoneTitle })}</span>
            {ev.description && <p className="showcase-text">{ev.description}</p>}
            {isImage && (
              <figure>
                <img src={ev.contentPath} alt={ev.title} loading="lazy" />
              </figure>
            )}
            {ev.kind === "file" && ev.contentPath && (
              <p>
                <a href={ev.contentPath} download={ev.fileName ?? true}>
                  {t("showcase.download", { name: ev.fileName ?? ev.title })}
                </a>
                {ev.size !== undefined && <span className="muted"> ({formatSize(ev.size)})</span>}
              </p>
            )}
            {ev.kind === "link" && ev.url && (
              <p>
                <a href={ev.url} target="_blank" rel="noopener noreferrer">
                  {t("showcase.openLink", { title: ev.title })}
                </a>{" "}
                <span className="muted showcase-url">{ev.url}</span>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
