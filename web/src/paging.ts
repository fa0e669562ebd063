// A list read a keyset page at a time (domain/lists.ts) with «Показать ещё».
// A refetch (a live event, «Повторить») reloads as many rows as are shown, so the
// rows the user opened do not collapse back to the first page; new filters start over.
import { createResource, createSignal, untrack } from 'solid-js';
import { MAX_PAGE_SIZE, PAGE_SIZE, type Page } from '../../domain/lists';
import { describeApiError } from './trpc';
import { onLive } from './live';

export type FetchPage<F, T> = (filters: F, page: { cursor?: string; limit: number }) => Promise<Page<T>>;

export function createPagedList<F, T>(filters: () => F, fetchPage: FetchPage<F, T>) {
  let shown = PAGE_SIZE;
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreProblem, setMoreProblem] = createSignal<string | null>(null);

  const [list, { refetch, mutate }] = createResource(filters, async (f, { refetching }): Promise<Page<T>> => {
    if (!refetching) shown = PAGE_SIZE;
    setMoreProblem(null);
    const items: T[] = [];
    let nextCursor: string | null = null;
    do {
      const page: Page<T> = await fetchPage(f, { cursor: nextCursor ?? undefined, limit: Math.min(MAX_PAGE_SIZE, Math.max(shown - items.length, 1)) });
      items.push(...page.items);
      nextCursor = page.nextCursor;
    } while (nextCursor && items.length < shown);
    return { items, nextCursor };
  });

  const current = () => (list.state === 'ready' || list.state === 'refreshing' ? list.latest : undefined);

  async function loadMore(): Promise<void> {
    const have = current();
    if (!have?.nextCursor || loadingMore()) return;
    const f = untrack(filters);
    setLoadingMore(true);
    setMoreProblem(null);
    try {
      const page = await fetchPage(f, { cursor: have.nextCursor, limit: PAGE_SIZE });
      // The filters changed or the list was reloaded meanwhile: this page belongs to another list.
      if (untrack(filters) !== f || current() !== have) return;
      const items = [...have.items, ...page.items];
      shown = items.length;
      mutate({ items, nextCursor: page.nextCursor });
    } catch (error) {
      setMoreProblem(describeApiError(error).message);
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    list,
    /** The rows loaded so far; undefined until the first page arrives or after an error. */
    items: () => current()?.items,
    hasMore: () => Boolean(current()?.nextCursor),
    loadingMore,
    moreProblem,
    loadMore,
    refetch: () => void refetch(),
  };
}

/** A list without filters (one's own applications or appeals), kept fresh by live events. */
export function createLivePagedList<T>(fetchPage: (page: { cursor?: string; limit: number }) => Promise<Page<T>>) {
  const paged = createPagedList(
    () => 'all',
    (_, page) => fetchPage(page),
  );
  onLive(() => paged.refetch());
  return paged;
}
