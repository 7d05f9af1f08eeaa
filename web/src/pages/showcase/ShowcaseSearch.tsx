// The public innovation showcase at /etalase: search in Bahasa Indonesia with
// filters kept in the URL, highlighted results and keyset pages. Anyone may
// open it, signed in or not.
import { useContext, useState, type FormEvent } from "react";
import { api, type Problem, type Schema } from "../../api";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { MeContext } from "../../me";
import { Link, setQuery, useQuery } from "../../router";
import { Button, Empty, Field, Loading, PageTitle, ProblemAlert, Select, statusLabel, useAction, useLoad } from "../../ui";
import { Areas, Highlighted, publicCall, ReplicationCounts, type Hit } from "./shared";
import "./showcase.css";

type Program = NonNullable<Schema<"ShowcaseHit">["program"]>;
const programs: Program[] = ["pkn1", "pkn2", "pka", "pkp"];
const pageSize = 20;

/** The search's parameters as the URL holds them. */
type Filters = { q: string; region: string; regency: string; unit: string; program: string; year: string; area: string };
const names: (keyof Filters)[] = ["q", "region", "regency", "unit", "program", "year", "area"];

function filtersOf(query: URLSearchParams): Filters {
  const get = (n: keyof Filters) => query.get(n) ?? "";
  return { q: get("q"), region: get("region"), regency: get("regency"), unit: get("unit"), program: get("program"), year: get("year"), area: get("area") };
}

function search(f: Filters, fresh: boolean, cursor?: string) {
  const year = Number(f.year);
  return publicCall(
    api.GET("/v1/showcase", {
      params: {
        query: {
          q: f.q.trim() || undefined,
          region: f.region.trim() || undefined,
          regency: f.regency.trim() || undefined,
          unit: f.unit.trim() || undefined,
          program: programs.includes(f.program as Program) ? (f.program as Program) : undefined,
          year: f.year && Number.isInteger(year) ? year : undefined,
          area: f.area.trim() || undefined,
          limit: pageSize,
          cursor,
        },
      },
      // Public answers may be cached for a minute; signed-in people see their changes at once.
      cache: fresh ? "no-cache" : "default",
    }),
  );
}

/** The showcase search screen. */
export function ShowcaseSearch() {
  const query = useQuery();
  const key = names.map((n) => query.get(n) ?? "").join("\u0000");
  const filters = filtersOf(query);
  const fresh = useContext(MeContext) !== null;
  const first = useLoad(() => search(filters, fresh), [key, fresh]);
  // Pages after the first, for the search they continue.
  const [more, setMore] = useState<{ key: string; pages: Schema<"ShowcaseHitsBody">[] }>({ key, pages: [] });
  const next = useAction();
  // Only the answer to the search in the URL: none while it loads or after it failed.
  const current = first.loading || first.error ? undefined : first.data;
  const pages = current ? [current, ...(more.key === key ? more.pages : [])] : [];
  const items = pages.flatMap((p) => p.items);
  const last = pages[pages.length - 1];
  const searching = Boolean(filters.q || filters.region || filters.regency || filters.unit || filters.program || filters.year || filters.area);

  const loadMore = () =>
    void next.run(async () => {
      if (!last?.nextCursor) return;
      const page = await search(filters, fresh, last.nextCursor);
      setMore((m) => ({ key, pages: [...(m.key === key ? m.pages : []), page] }));
    });

  return (
    <div className="showcase">
      <PageTitle title={t("showcase.title")} />
      <p className="showcase-intro">{t("showcase.intro")}</p>
      <SearchForm key={key} initial={filters} problem={first.error?.problem} />

      <section aria-labelledby="hasil-h" aria-busy={first.loading}>
        <h2 id="hasil-h">{searching ? t("showcase.results") : t("showcase.newest")}</h2>
        {first.error && <ProblemAlert error={first.error} retry={first.reload} fieldsShown={first.error.problem.status === 422} />}
        {first.loading && <Loading label={t("showcase.searching")} />}
        {current && (
          <div role="status" className="showcase-notes">
            {current.suggestion && (
              <p className="alert alert-info">
                {t("showcase.suggestion")}{" "}
                <Link href={`/etalase?${new URLSearchParams({ ...Object.fromEntries(names.map((n) => [n, filters[n]]).filter(([, v]) => v)), q: current.suggestion })}`}>
                  {current.suggestion}
                </Link>
              </p>
            )}
            {current.terms > 1 && (items[0]?.missing.length ?? 0) > 0 && <p className="alert alert-info">{t("showcase.partial")}</p>}
            {current.truncated && <p className="alert alert-info">{t("showcase.truncated")}</p>}
            {items.length > 0 && <p className="muted">{last?.nextCursor ? t("showcase.showingMore", { n: formatNumber(items.length) }) : t("showcase.showing", { n: formatNumber(items.length) })}</p>}
          </div>
        )}
        {current && items.length === 0 && <Empty>{searching ? t("showcase.none") : t("showcase.noneYet")}</Empty>}
        {items.length > 0 && (
          <ol className="showcase-hits">
            {items.map((hit) => (
              <HitCard key={hit.id} hit={hit} />
            ))}
          </ol>
        )}
        <ProblemAlert error={next.error} retry={loadMore} />
        {last?.nextCursor && (
          <div className="actions">
            <Button type="button" onClick={loadMore} busy={next.busy} busyLabel={t("showcase.loadingMore")}>
              {t("showcase.more")}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}

/** The search box and filters; submitting puts them in the URL. */
function SearchForm({ initial, problem }: { initial: Filters; problem: Problem | undefined }) {
  const [f, setF] = useState<Filters>(initial);
  const set = (name: keyof Filters) => (e: { target: { value: string } }) => setF((old) => ({ ...old, [name]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ q: f.q.trim(), region: f.region.trim(), regency: f.regency.trim(), unit: f.unit.trim(), program: f.program, year: f.year.trim(), area: f.area.trim() });
  };
  const reset = () => setQuery({ q: undefined, region: undefined, regency: undefined, unit: undefined, program: undefined, year: undefined, area: undefined });
  const filtered = Boolean(initial.q || initial.region || initial.regency || initial.unit || initial.program || initial.year || initial.area);
  return (
    <form role="search" className="panel showcase-form" onSubmit={submit} aria-label={t("showcase.searchLabel")}>
      <div className="showcase-q">
        <Field label={t("showcase.q")} name="q" type="search" hint={t("showcase.qHint")} maxLength={200} value={f.q} onChange={set("q")} problem={problem} />
        <Button type="submit" className="btn-primary">
          {t("showcase.search")}
        </Button>
      </div>
      <details className="showcase-filters" open={Boolean(initial.region || initial.regency || initial.unit || initial.program || initial.year || initial.area) || undefined}>
        <summary>{t("showcase.filters")}</summary>
        <div className="form-row">
          <Field label={t("showcase.region")} name="region" hint={t("showcase.regionHint")} maxLength={200} value={f.region} onChange={set("region")} problem={problem} />
          <Field label={t("showcase.regency")} name="regency" hint={t("showcase.regencyHint")} maxLength={200} value={f.regency} onChange={set("regency")} problem={problem} />
          <Field label={t("showcase.unit")} name="unit" hint={t("showcase.unitHint")} maxLength={200} value={f.unit} onChange={set("unit")} problem={problem} />
          <Select label={t("showcase.program")} name="program" value={f.program} onChange={set("program")} problem={problem}>
            <option value="">{t("showcase.allPrograms")}</option>
            {programs.map((p) => (
              <option key={p} value={p}>
                {statusLabel("program", p)}
              </option>
            ))}
          </Select>
          <Field label={t("showcase.year")} name="year" type="number" inputMode="numeric" min={1990} max={2100} value={f.year} onChange={set("year")} problem={problem} />
          <Field label={t("showcase.area")} name="area" hint={t("showcase.areaHint")} maxLength={60} value={f.area} onChange={set("area")} problem={problem} />
        </div>
      </details>
      {filtered && (
        <p>
          <button type="button" className="btn-link" onClick={reset}>
            {t("showcase.reset")}
          </button>
        </p>
      )}
    </form>
  );
}

/** One result: title and snippet with the matching words marked, who, where, when, and its studi tiru. */
function HitCard({ hit }: { hit: Hit }) {
  return (
    <li className="card showcase-hit">
      <h3>
        <Link href={`/etalase/${hit.id}`}>
          <Highlighted parts={hit.titleHighlight} fallback={hit.title} />
        </Link>
      </h3>
      <p className="muted showcase-meta">
        {[hit.unitName, hit.agencyName, hit.regency || hit.province].filter(Boolean).join(", ")}
        {hit.program && ` · ${statusLabel("program", hit.program)} ${hit.year}`}
      </p>
      {hit.matched.length > 0 && (
        <p className="showcase-why muted">
          {t("showcase.matched")}{" "}
          {hit.matched.map((m, i) => (
            <span key={m.term}>
              {i > 0 && ", "}
              <mark>{m.synonym ? t("showcase.viaSynonym", { term: m.term, synonym: m.synonym }) : m.term}</mark>
            </span>
          ))}
          {hit.missing.length > 0 && <> · {t("showcase.missing", { words: hit.missing.join(", ") })}</>}
        </p>
      )}
      {hit.snippet.length > 0 && (
        <p className="showcase-snippet">
          <Highlighted parts={hit.snippet} />
        </p>
      )}
      <Areas areas={hit.innovationAreas} />
      <ReplicationCounts counts={hit.replications} />
    </li>
  );
}
