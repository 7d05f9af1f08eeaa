// Lists paged by keyset: the first page loads with the screen, "Muat lebih
// banyak" appends the next one (nextCursor) until there is none.
import { useState } from "react";
import type { ApiError } from "../../api";
import { useAction, useLoad } from "../../ui";

/** One page of a list answer. */
export type Page<T> = { items: T[]; nextCursor?: string };

/** The pages of a list loaded so far. */
export type Paged<T> = {
  /** Every item loaded so far; undefined until the first page arrives. */
  items: T[] | undefined;
  /** Whether another page exists. */
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  /** The first page's problem. */
  error: ApiError | undefined;
  /** The problem of the last "load more". */
  moreError: ApiError | undefined;
  reload: () => void;
  loadMore: () => void;
};

/**
 * Loads the first page with loadPage(undefined) when deps change, and the
 * following ones on loadMore(). A reload starts again from the first page.
 */
export function usePaged<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>, deps: unknown[]): Paged<T> {
  const first = useLoad(() => loadPage(undefined), deps);
  // Later pages belong to the first page they followed; a reload drops them.
  const [extra, setExtra] = useState<{ base: Page<T>; pages: Page<T>[] }>();
  const more = useAction();
  const pages = first.data && extra?.base === first.data ? extra.pages : [];
  const last = pages.length > 0 ? pages[pages.length - 1] : first.data;

  const loadMore = () => {
    const base = first.data;
    const cursor = last?.nextCursor;
    if (!base || !cursor) return;
    void more.run(async () => {
      const page = await loadPage(cursor);
      setExtra((e) => ({ base, pages: [...(e?.base === base ? e.pages : []), page] }));
    });
  };

  return {
    items: first.data ? [first.data, ...pages].flatMap((p) => p.items) : undefined,
    hasMore: Boolean(last?.nextCursor),
    loading: first.loading,
    loadingMore: more.busy,
    error: first.error,
    moreError: more.error,
    reload: first.reload,
    loadMore,
  };
}
