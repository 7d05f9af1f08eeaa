// The project's history (get-project-timeline), newest first: who did
// what, when. The first page comes from the screen; more pages load here.
import { useState } from "react";
import { api, ok } from "../../api";
import { formatDateTime } from "../../format";
import { t } from "../../i18n";
import { wordEvent } from "../../i18n/timeline";
import { Button, Empty, ProblemAlert, useAction } from "../../ui";
import type { TimelineEntry } from "./model";

const shownAtFirst = 15;

type Props = { projectId: string; entries: TimelineEntry[]; nextCursor: string | undefined };

/** The timeline entries with "show more" and, past the first page, loading more. */
export function Timeline({ projectId, entries, nextCursor }: Props) {
  const [shown, setShown] = useState(shownAtFirst);
  const [more, setMore] = useState<{ items: TimelineEntry[]; cursor: string | undefined; after: string | undefined }>();
  const action = useAction();
  // Later pages belong to the first page they followed.
  const extra = more && more.after === nextCursor ? more : undefined;
  const all = [...entries, ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : nextCursor;

  const loadMore = () =>
    action.run(async () => {
      if (!cursor) return;
      const page = await ok(api.GET("/v1/projects/{projectId}/timeline", { params: { path: { projectId }, query: { limit: 100, cursor } } }));
      setMore({ items: [...(extra?.items ?? []), ...page.items], cursor: page.nextCursor, after: nextCursor });
      setShown(all.length + page.items.length);
    });

  if (all.length === 0) return <Empty>{t("participant.timeline.empty")}</Empty>;
  return (
    <>
      <ol className="timeline">
        {all.slice(0, shown).map((e) => (
          <li key={e.id}>
            <Sentence entry={e} />
            <time className="muted" dateTime={e.at}>
              {formatDateTime(e.at)}
            </time>
          </li>
        ))}
      </ol>
      <ProblemAlert error={action.error} />
      <div className="actions">
        {shown < all.length && (
          <button type="button" className="btn btn-small" onClick={() => setShown(shown + 30)}>
            {t("participant.timeline.showMore")}
          </button>
        )}
        {shown >= all.length && cursor && (
          <Button className="btn-small" busy={action.busy} busyLabel={t("common.loading")} onClick={() => void loadMore()}>
            {t("participant.timeline.loadMore")}
          </Button>
        )}
      </div>
    </>
  );
}

/** The entry's sentence, worded from its action and details, after its actor's name. */
function Sentence({ entry }: { entry: TimelineEntry }) {
  const sentence = wordEvent(entry);
  if (!entry.actorId) return <p>{sentence}</p>;
  return (
    <p>
      <strong>{entry.actorName}</strong> {sentence}
    </p>
  );
}
