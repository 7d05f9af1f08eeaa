// Finding an account by name, e-mail or NIP (list-users?q=) for those the
// API lets search (organizers, platform admins), asked once typing pauses.
import { useEffect, useState } from "react";
import { api, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { Empty, Field, Loading, ProblemAlert, reword, useLoad } from "../../ui";

type User = Schema<"User">;

/** The text after the user stopped typing for delay ms. */
function useDebounced(text: string, delay = 300): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const id = setTimeout(() => setSettled(text), delay);
    return () => clearTimeout(id);
  }, [text, delay]);
  return settled;
}

/** A search field with its results, each with a button to pick the person. */
export function PersonSearch({ label, onPick }: { label: string; onPick: (user: User) => void }) {
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim());
  const results = useLoad(async () => (query.length < 2 ? null : ok(api.GET("/v1/users", { params: { query: { q: query, limit: 10 } } }))), [query]);
  return (
    <div className="fu-search">
      <Field label={label} name="q" type="search" autoComplete="off" hint={t("followup.search.hint")} value={q} onChange={(e) => setQ(e.target.value)} />
      <div aria-live="polite">
        {results.loading && query.length >= 2 && <Loading />}
        {results.error && <ProblemAlert error={reword(results.error)} retry={results.reload} />}
        {!results.loading && results.data && (
          results.data.items.length === 0 ? (
            <Empty>{t("followup.search.none")}</Empty>
          ) : (
            <ul className="list fu-results" aria-label={t("followup.search.results")}>
              {results.data.items.map((u) => (
                <li key={u.id}>
                  <span>
                    <strong>{u.name}</strong>
                    <br />
                    <span className="muted">{u.email}</span>
                  </span>
                  <button type="button" className="btn btn-small" onClick={() => onPick(u)}>
                    {t("followup.search.pick")}
                    <span className="fu-sr"> {u.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        )}
      </div>
    </div>
  );
}
