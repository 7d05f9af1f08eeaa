// Finding a person's account by name, e-mail or NIP (list-users?q=, which
// organizers and platform admins may call), typed into a search field and
// asked for once the typing pauses.
import { useEffect, useState, type ReactNode } from "react";
import { api, ok, type Schema } from "./api";
import { t } from "./i18n";
import { Empty, Field, Loading, ProblemAlert, useLoad } from "./ui";

/** An account. */
export type User = Schema<"User">;

/** The text of field after the user stopped typing for delay ms. */
function useDebounced(text: string, delay = 300): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const id = setTimeout(() => setSettled(text), delay);
    return () => clearTimeout(id);
  }, [text, delay]);
  return settled;
}

/**
 * A search field with its results, each with a button to pick the person.
 * notFound is shown below the results (e.g. a way to create the account).
 */
export function PersonSearch({ label, onPick, notFound }: { label: string; onPick: (user: User) => void; notFound?: ReactNode }) {
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim());
  const results = useLoad(async () => (query.length < 2 ? null : ok(api.GET("/v1/users", { params: { query: { q: query, limit: 10 } } }))), [query]);

  return (
    <div className="person-search">
      <Field label={label} name="q" type="search" autoComplete="off" hint={t("search.hint")} value={q} onChange={(e) => setQ(e.target.value)} />
      <div aria-live="polite">
        {results.loading && query.length >= 2 && <Loading />}
        {results.error && <ProblemAlert error={results.error} retry={results.reload} />}
        {!results.loading && results.data && (
          <>
            {results.data.items.length === 0 ? (
              <Empty>{t("search.none")}</Empty>
            ) : (
              <ul className="list person-results" aria-label={t("search.results")}>
                {results.data.items.map((u) => (
                  <li key={u.id}>
                    <span>
                      <strong>{u.name}</strong>
                      <br />
                      <span className="muted">
                        {u.email}
                        {u.nip ? ` · NIP ${u.nip}` : ""}
                      </span>
                    </span>
                    <button type="button" className="btn btn-small" onClick={() => onPick(u)}>
                      {t("search.pick")}
                      <span className="visually-hidden"> {u.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {results.data && !results.loading && notFound}
    </div>
  );
}
