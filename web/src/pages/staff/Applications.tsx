// «Заявки на ТП»: the staff queue. Filters live in the address so a case
// opened from the queue comes back to the same selection; the order is the
// server's (overdue first, then the nearest deadline), read a page at a time.
import { useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { STAGE_DEFINITIONS, STAGES, type Stage } from '../../../../domain/application';
import { CASE_STATUS_LABELS, whoActsLabel, type ApplicationSummary } from '../../features/cases/wording';
import { CaseNumberCell, DeadlineText } from '../../features/cases';
import { onLive } from '../../live';
import { trpc } from '../../trpc';
import { Card, Checkbox, EmptyState, Field, Loading, PageHeader, Select, StatusChip } from '../../ui';
import { LoadError } from '../../components/LoadError';
import { ShowMore } from '../../components/ShowMore';
import { createPagedList } from '../../paging';

const SEARCH_DELAY_MS = 300;
type CaseStatus = ApplicationSummary['status'];
const STATUSES = Object.keys(CASE_STATUS_LABELS) as CaseStatus[];

const STAGE_OPTIONS = STAGES.map((stage) => ({ value: stage, label: `${STAGE_DEFINITIONS[stage].step}. ${STAGE_DEFINITIONS[stage].title}` }));
const STATUS_OPTIONS = STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));

const asStage = (v: unknown): Stage | undefined => STAGES.find((s) => s === v);
const asStatus = (v: unknown): CaseStatus | undefined => STATUSES.find((s) => s === v);

export default function StaffApplicationsPage() {
  const [params, setParams] = useSearchParams<{ stage?: string; status?: string; overdue?: string; q?: string }>();
  const [search, setSearch] = createSignal(typeof params.q === 'string' ? params.q : '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  function onSearch(value: string) {
    setSearch(value);
    clearTimeout(timer);
    timer = setTimeout(() => setParams({ q: value.trim() || undefined }, { replace: true }), SEARCH_DELAY_MS);
  }

  const filters = createMemo(() => ({
    stage: asStage(params.stage),
    status: asStatus(params.status),
    overdue: params.overdue === '1' ? true : undefined,
    query: typeof params.q === 'string' && params.q.trim() ? params.q.trim() : undefined,
  }));
  const filtered = () => Boolean(filters().stage || filters().status || filters().overdue || filters().query);
  const paged = createPagedList(filters, (f, page) => trpc.staffApplications.queue.query({ ...f, ...page }));
  const { list: queue, refetch } = paged;
  onLive((event) => {
    if (event.kind !== 'notification') refetch();
  });
  const rows = paged.items;

  return (
    <div class="stack stack--lg">
      <PageHeader title="Заявки на ТП" description="Очередь заявок на технологическое присоединение: сначала просроченные, затем с ближайшим сроком." />
      <Card>
        <div class="stack">
          <div class="form-grid" role="search" aria-label="Отбор заявок">
            <Select id="queue-stage" label="Этап" placeholder="Все этапы" options={STAGE_OPTIONS} value={filters().stage ?? ''} onValue={(v) => setParams({ stage: asStage(v) }, { replace: true })} />
            <Select id="queue-status" label="Статус" placeholder="Все" options={STATUS_OPTIONS} value={filters().status ?? ''} onValue={(v) => setParams({ status: asStatus(v) }, { replace: true })} />
            <Field id="queue-search" label="Поиск" type="search" hint="Номер заявки, заявитель, объект или адрес" maxLength={100} autocomplete="off" value={search()} onValue={onSearch} />
          </div>
          <Checkbox id="queue-overdue" checked={filters().overdue === true} onChange={(checked) => setParams({ overdue: checked ? '1' : undefined }, { replace: true })}>
            Только просроченные
          </Checkbox>

          <Switch>
            <Match when={queue.state === 'errored'}>
              <LoadError title="Не удалось загрузить заявки" error={queue.error} onRetry={refetch} />
            </Match>
            <Match when={rows()?.length === 0}>
              <Show when={filtered()} fallback={<EmptyState title="Заявок пока нет">Поданные заявки появятся здесь.</EmptyState>}>
                <EmptyState icon="search" title="Ничего не найдено">
                  Измените условия отбора.
                </EmptyState>
              </Show>
            </Match>
            <Match when={rows()}>
              {(items) => (
                <>
                  <Show when={queue.loading}>
                    <p class="muted small" role="status" style={{ margin: 0 }}>
                      Обновляем список…
                    </p>
                  </Show>
                  <div class="table-wrap">
                    <table class="table table--compact">
                      <caption class="visually-hidden">Заявки на технологическое присоединение</caption>
                      <thead>
                        <tr>
                          <th scope="col">Номер</th>
                          <th scope="col">Заявитель</th>
                          <th scope="col">Объект</th>
                          <th scope="col">Этап</th>
                          <th scope="col">Срок</th>
                          <th scope="col">Просрочка</th>
                          <th scope="col">Действует</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={items()}>
                          {(a) => (
                            <tr classList={{ 'is-overdue': a.overdue }}>
                              <CaseNumberCell href={`/staff/applications/${a.id}`} number={a.number} />
                              <td data-label="Заявитель">{a.applicantName}</td>
                              <td data-label="Объект">
                                <div style={{ 'font-weight': 600 }}>{a.objectName}</div>
                                <div class="muted small">{a.objectAddress}</div>
                              </td>
                              <td data-label="Этап">
                                <div>{a.stageTitle}</div>
                                <div class="muted small">{a.statusLabel}</div>
                              </td>
                              <td data-label="Срок">
                                <DeadlineText deadlineAt={a.deadlineAt} overdue={a.overdue} />
                              </td>
                              <td data-label="Просрочка">
                                <Show when={a.overdue} fallback={<span class="muted">—</span>}>
                                  <StatusChip tone="danger">Просрочено</StatusChip>
                                </Show>
                              </td>
                              <td data-label="Действует">{STAGE_DEFINITIONS[a.stage].final ? CASE_STATUS_LABELS[a.status] : whoActsLabel(a.whoActs, 'staff')}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                  <ShowMore shown={items().length} hasMore={paged.hasMore()} loading={paged.loadingMore()} problem={paged.moreProblem()} onMore={() => void paged.loadMore()} />
                </>
              )}
            </Match>
            <Match when={true}>
              <Loading label="Загружаем заявки…" />
            </Match>
          </Switch>
        </div>
      </Card>
    </div>
  );
}
