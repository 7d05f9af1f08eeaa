// What the showcase screens share: the public calls (with a clear 429), the
// highlighted parts of a search hit, and the studi tiru counts.
import { Fragment } from "react";
import { ApiError, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { Badge } from "../../ui";

export type Hit = Schema<"ShowcaseHit">;
export type Entry = Schema<"ShowcaseEntry">;
export type Part = Schema<"HighlightPart">;

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of a public showcase call, as ok() gives it, except that a 429
 * (the showcase's rate limit per address) says how long to wait.
 */
export async function publicCall<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    return ok(call);
  }
  if (result.response.status === 429) {
    const seconds = Number(result.response.headers.get("Retry-After"));
    throw new ApiError({
      status: 429,
      title: t("showcase.tooMany"),
      detail: Number.isFinite(seconds) && seconds > 0 ? t("showcase.tooManyWait", { seconds }) : t("showcase.tooManyLater"),
    });
  }
  return ok(Promise.resolve(result));
}

/** Text in parts, those matching the search marked; always text, never markup. */
export function Highlighted({ parts, fallback }: { parts: Part[] | undefined; fallback?: string }) {
  if (!parts || parts.length === 0) return <>{fallback ?? ""}</>;
  return (
    <>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/** How many agencies studied and adopted an innovation, as text badges. */
export function ReplicationCounts({ counts }: { counts: Schema<"ReplicationCounts"> }) {
  return (
    <span className="showcase-counts">
      <Badge tone={counts.studied > 0 ? "info" : "muted"}>{t("showcase.studiedCount", { n: counts.studied })}</Badge>
      <Badge tone={counts.adopted > 0 ? "ok" : "muted"}>{t("showcase.adoptedCount", { n: counts.adopted })}</Badge>
    </span>
  );
}

/** The innovation's areas as badges. */
export function Areas({ areas }: { areas: string[] }) {
  if (areas.length === 0) return null;
  return (
    <ul className="showcase-areas" aria-label={t("showcase.areas")}>
      {areas.map((a) => (
        <li key={a}>
          <Badge tone="muted">{a}</Badge>
        </li>
      ))}
    </ul>
  );
}
