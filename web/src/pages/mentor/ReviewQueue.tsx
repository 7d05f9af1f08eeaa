// The review queue at /telaah: what waits for the signed-in mentor's or
// coach's decision (designs, milestones, evidence), oldest first, each
// linking to its review screen.
import { useState } from "react";
import { api, ok, type Schema } from "../../api";
import { formatDateTime } from "../../format";
import { t } from "../../i18n";
import { Link } from "../../router";
import { Badge, Button, Empty, Load, PageTitle, ProblemAlert, useAction, useLoad } from "../../ui";
import { kindLabel, reviewPath, waitedLabel } from "./review";
import "./mentor.css";

type Item = Schema<"ReviewQueueItem">;
type Page = Schema<"ListOutputReviewQueueItemBody">;

const pageSize = 50;

/** One page of the queue, after cursor (the first without). */
function loadPage(cursor?: string): Promise<Page> {
  return ok(api.GET("/v1/review-queue", { params: { query: cursor ? { limit: pageSize, cursor } : { limit: pageSize } } }));
}

/**
 * The items oldest first, each once. The API answers oldest first already;
 * sorting again keeps the order right across pages whatever happens.
 */
function oldestFirst(items: Item[]): Item[] {
  const seen = new Set<string>();
  const unique = items.filter((i) => {
    const key = i.kind + ":" + i.id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.id.localeCompare(b.id));
}

/** The review queue screen at /telaah. */
export function ReviewQueue() {
  const first = useLoad(() => loadPage(), []);
  const [more, setMore] = useState<{ items: Item[]; nextCursor: string | undefined }>();
  const loading = useAction();

  const items = oldestFirst([...(first.data?.items ?? []), ...(more?.items ?? [])]);
  const cursor = more ? more.nextCursor : first.data?.nextCursor;
  const loadMore = () =>
    void loading.run(async () => {
      if (!cursor) return;
      const page = await loadPage(cursor);
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    });

  const title = first.data ? t("mentor.queueTitle", { count: cursor ? `${items.length}+` : items.length }) : t("nav.reviewQueue");
  return (
    <>
      <PageTitle title={title} />
      <p className="muted">{t("mentor.queueIntro")}</p>
      <Load loaded={first}>
        {() =>
          items.length === 0 ? (
            <Empty>{t("mentor.queueEmpty")}</Empty>
          ) : (
            <section className="panel review-panel">
              <ul className="list">
                {items.map((item) => (
                  <QueueItem key={item.kind + item.id} item={item} />
                ))}
              </ul>
              <ProblemAlert error={loading.error} retry={loadMore} />
              {cursor && (
                <div className="queue-more">
                  <Button type="button" busy={loading.busy} busyLabel={t("mentor.loadingMore")} onClick={loadMore}>
                    {t("mentor.loadMore")}
                  </Button>
                </div>
              )}
            </section>
          )
        }
      </Load>
    </>
  );
}

/** One item of the queue: its kind, title (the link), whose it is, and how long it has waited. */
function QueueItem({ item }: { item: Item }) {
  return (
    <li className="queue-item">
      <div className="queue-main">
        <Badge tone={item.kind === "evidence" ? "info" : item.kind === "milestone" ? "warn" : "ok"}>{kindLabel(item.kind)}</Badge>
        <h2>
          <Link href={reviewPath(item)}>{item.title || t("mentor.notFilled")}</Link>
        </h2>
        <p>
          <span className="muted">{t("mentor.participant")}:</span> {item.participantName}
        </p>
      </div>
      <p>
        <span className="queue-wait">{waitedLabel(item.submittedAt)}</span>{" "}
        <span className="muted">· {t("mentor.submittedOn", { date: formatDateTime(item.submittedAt) })}</span>
      </p>
    </li>
  );
}
