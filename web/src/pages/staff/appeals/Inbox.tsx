// «Обращения» for staff: the inbox of appeals. Filters live in the address so
// an appeal opened from the inbox comes back to the same selection; the order
// is the server's (overdue first, then the nearest answer deadline).
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_STAGES, APPEAL_TOPIC_LABELS, APPEAL_TOPICS } from '../../../../../domain/appeal';
import { KIND_OPTIONS, labelOf, STAGE_OPTIONS, TOPIC_OPTIONS } from '../../../features/appeals/wording';
import { AppealDeadline, AppealStatusChip } from '../../../features/appeals/AppealParts';
import { CaseNumberCell } from '../../../features/cases';
import { UUID_RE } from '../../../ids';
import { onLive } from '../../../live';
import { trpc } from '../../../trpc';
import { buttonClass, Card, Checkbox, EmptyState, Field, Loading, PageHeader, Select } from '../../../ui';
import { LoadError } from '../../../components/LoadError';

const LIST_LIMIT = 200;
const SEARCH_DELAY_MS = 300;

const pick = <T extends string>(values: readonly T[], v: unknown): T | undefined => values.find((x) => x === v);
/** «Мои», «Без исполнителя» or one staff member's id. */
const asAssignee = (v: unknown): string | undefined => (typeof v === 'string' && (v === 'me' || v === 'none' || UUID_RE.test(v)) ? v : undefined);

export default function StaffAppealsInboxPage() {
  const [params, setParams] = useSearchParams<{ topic?: string; kind?: string; stage?: string; assignee?: string; overdue?: string; q?: string }>();
  const [search, setSearch] = createSignal(typeof params.q === 'string' ? params.q : '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  function onSearch(value: string) {
    setSearch(value);
    clearTimeout(timer);
    timer = setTimeout(() => setParams({ q: value.trim() || undefined }, { replace: true }), SEARCH_DELAY_MS);
  }

  const filters = createMemo(() => ({
    topic: pick(APPEAL_TOPICS, params.topic),
    kind: pick(APPEAL_KINDS, params.kind),
    stage: pick(APPEAL_STAGES, params.stage),
    assignee: asAssignee(params.assignee),
    overdue: params.overdue === '1' ? true : undefined,
    query: typeof params.q === 'string' && params.q.trim() ? params.q.trim() : undefined,
    limit: LIST_LIMIT,
  }));
  const filtered = () => {
    const f = filters();
    return Boolean(f.topic || f.kind || f.stage || f.assignee || f.overdue || f.query);
  };
  // The first keyset page, 100 rows as before paging (db/read-models/appeals.ts); «Показать ещё» is still to come.
  const [inbox, { refetch }] = createResource(filters, (f) => trpc.staffAppeals.inbox.query({ ...f, limit: 100 }).then((page) => page.items));
  const [assignees] = createResource(() => trpc.staffAppeals.assignees.query());
  onLive((event) => {
    if (event.kind !== 'notification') void refetch();
  });
  const rows = () => (inbox.state === 'ready' || inbox.state === 'refreshing' ? inbox.latest : undefined);
  const assigneeOptions = () => [
    { value: 'me', label: 'Мои' },
    { value: 'none', label: 'Без исполнителя' },
    ...(assignees.state === 'ready' ? assignees().map((a) => ({ value: a.id, label: a.name })) : []),
  ];

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Обращения"
        description="Обращения потребителей: сначала просроченные, затем с ближайшим сроком ответа."
        actions={
          <A href="/staff/appeals/report" class={buttonClass('secondary')}>
            Отчёт по обращениям
          </A>
        }
      />
      <Card>
        <div class="stack">
          <div class="form-grid" role="search" aria-label="Отбор обращений">
            <Select id="appeals-topic" label="Тема" placeholder="Все темы" options={TOPIC_OPTIONS} value={filters().topic ?? ''} onValue={(v) => setParams({ topic: v || undefined }, { replace: true })} />
            <Select id="appeals-kind" label="Вид" placeholder="Все виды" options={KIND_OPTIONS} value={filters().kind ?? ''} onValue={(v) => setParams({ kind: v || undefined }, { replace: true })} />
            <Select id="appeals-stage" label="Этап" placeholder="Все этапы" options={STAGE_OPTIONS} value={filters().stage ?? ''} onValue={(v) => setParams({ stage: v || undefined }, { replace: true })} />
            <Select id="appeals-assignee" label="Исполнитель" placeholder="Все" options={assigneeOptions()} value={filters().assignee ?? ''} onValue={(v) => setParams({ assignee: v || undefined }, { replace: true })} />
          </div>
          <Field id="appeals-search" label="Поиск" type="search" hint="Номер обращения или имя заявителя" maxLength={100} autocomplete="off" value={search()} onValue={onSearch} />
          <Checkbox id="appeals-overdue" checked={filters().overdue === true} onChange={(checked) => setParams({ overdue: checked ? '1' : undefined }, { replace: true })}>
            Только просроченные
          </Checkbox>

          <Switch>
            <Match when={inbox.state === 'errored'}>
              <LoadError title="Не удалось загрузить обращения" error={inbox.error} onRetry={refetch} />
            </Match>
            <Match when={rows()?.length === 0}>
              <Show when={filtered()} fallback={<EmptyState title="Обращений пока нет">Поступившие обращения появятся здесь.</EmptyState>}>
                <EmptyState icon="search" title="Ничего не найдено">
                  Измените условия отбора.
                </EmptyState>
              </Show>
            </Match>
            <Match when={rows()}>
              {(items) => (
                <>
                  <p class="muted small" role="status" style={{ margin: 0 }}>
                    {inbox.loading ? 'Обновляем список…' : `Показано: ${items().length}${items().length >= LIST_LIMIT ? ` (первые ${LIST_LIMIT} — уточните отбор)` : ''}`}
                  </p>
                  <div class="table-wrap">
                    <table class="table table--compact">
                      <caption class="visually-hidden">Обращения потребителей</caption>
                      <thead>
                        <tr>
                          <th scope="col">Номер</th>
                          <th scope="col">Заявитель</th>
                          <th scope="col">Тема и вид</th>
                          <th scope="col">Статус</th>
                          <th scope="col">Исполнитель</th>
                          <th scope="col">Срок ответа</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={items()}>
                          {(a) => (
                            <tr classList={{ 'is-overdue': a.overdue }}>
                              <CaseNumberCell href={`/staff/appeals/${a.id}`} number={a.number} filedAt={a.registeredAt} />
                              <td data-label="Заявитель">{a.applicantName}</td>
                              <td data-label="Тема и вид">
                                <div>{labelOf(APPEAL_TOPIC_LABELS, a.topic)}</div>
                                <div class="muted small">{labelOf(APPEAL_KIND_LABELS, a.kind)}</div>
                              </td>
                              <td data-label="Статус">
                                <AppealStatusChip summary={a} />
                              </td>
                              <td data-label="Исполнитель">{a.assigneeName ?? <span class="muted">Не назначен</span>}</td>
                              <td data-label="Срок ответа">
                                <AppealDeadline summary={a} />
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </>
              )}
            </Match>
            <Match when={true}>
              <Loading label="Загружаем обращения…" />
            </Match>
          </Switch>
        </div>
      </Card>
    </div>
  );
}
