// The list shell: rows shown as a table, or the list's load failure, its empty
// state, or the loading state; a paged list (paging.ts) ends with «Показать ещё».
// The list pages give the columns and their own words; filters stay above it.
import { Show, type JSX, type Resource } from 'solid-js';
import type { createPagedList } from '../paging';
import { Card, DataTable, EmptyState, type Column } from '../ui';
import { Loaded, StatusLine } from './Loaded';
import { ShowMore } from './ShowMore';

export function ListTable<T>(props: {
  /** The resource behind the rows: its failure and reloading. */
  list: Resource<unknown>;
  rows: () => readonly T[] | undefined;
  retry: () => void;
  /** «Не удалось загрузить …» */
  loadError: string;
  /** «Загружаем …» */
  loading: string;
  empty: JSX.Element;
  caption: string;
  columns: ReadonlyArray<Column<T>>;
  tableClass?: string;
  rowClass?: (row: T) => Record<string, boolean | undefined>;
  /** Inside a card of its own (a list without filters); otherwise the filters' card holds it. */
  card?: boolean;
  /** Above the table: e.g. how many rows are shown. Default: «Обновляем список…» while new filters load. */
  status?: (rows: readonly T[]) => JSX.Element;
  /** Below the table: e.g. «Показать ещё». */
  footer?: (rows: readonly T[]) => JSX.Element;
}) {
  const body = (items: readonly T[]) => (
    <>
      <Show when={props.status} fallback={<Show when={!props.card && props.list.loading}>{refreshing()}</Show>}>
        {props.status?.(items)}
      </Show>
      <DataTable caption={props.caption} columns={props.columns} rows={items} class={props.tableClass} rowClass={props.rowClass} />
      {props.footer?.(items)}
    </>
  );
  return (
    <Loaded resource={props.list} value={props.rows} retry={props.retry} loadError={props.loadError} loading={props.loading} empty={props.empty}>
      {(items) => (
        <Show when={props.card} fallback={body(items())}>
          <Card>
            <div class="stack">{body(items())}</div>
          </Card>
        </Show>
      )}
    </Loaded>
  );
}

/** New filters keep the old rows until the new ones arrive: say so. */
function refreshing() {
  return <StatusLine>Обновляем список…</StatusLine>;
}

type PagedList = ReturnType<typeof createPagedList<unknown, unknown>>;

/** The props of ListTable for a paged list: its rows, retry and «Показать ещё». */
export function pagedRows<T>(paged: Omit<PagedList, 'items'> & { items: () => T[] | undefined }) {
  return {
    list: paged.list as Resource<unknown>,
    rows: paged.items,
    retry: paged.refetch,
    footer: (items: readonly T[]) => <ShowMore shown={items.length} hasMore={paged.hasMore()} loading={paged.loadingMore()} problem={paged.moreProblem()} onMore={() => void paged.loadMore()} />,
  };
}

/** The empty state of a filtered list: nothing at all yet, or nothing that matches the filters. */
export function EmptyList(props: { filtered: boolean; title: string; children: JSX.Element }) {
  return (
    <Show when={props.filtered} fallback={<EmptyState title={props.title}>{props.children}</EmptyState>}>
      <EmptyState icon="search" title="Ничего не найдено">
        Измените условия отбора.
      </EmptyState>
    </Show>
  );
}

/** The staff queues (applications, appeals): a compact table, overdue rows marked. */
export const QUEUE_TABLE = {
  tableClass: 'table--compact',
  rowClass: (row: { overdue?: boolean | null }) => ({ 'is-overdue': row.overdue === true }),
};
