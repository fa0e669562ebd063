// «Обращения» for staff: the inbox of appeals. Filters live in the address so
// an appeal opened from the inbox comes back to the same selection; the order
// is the server's (overdue first, then the nearest answer deadline), read a
// page at a time.
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource } from 'solid-js';
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_STAGES, APPEAL_TOPIC_LABELS, APPEAL_TOPICS } from '../../../../../domain/appeal';
import { EmptyList, ListTable, pagedRows, QUEUE_TABLE } from '../../../components/ListTable';
import { AppealDeadline, AppealStatusChip } from '../../../features/appeals/AppealParts';
import { KIND_OPTIONS, labelOf, STAGE_OPTIONS, TOPIC_OPTIONS } from '../../../features/appeals/wording';
import { CaseNumber, TwoLines } from '../../../features/cases';
import { UUID_RE } from '../../../ids';
import { onLive } from '../../../live';
import { createPagedList } from '../../../paging';
import { createSearchBox, queryOf } from '../../../search-box';
import { trpc, type RouterOutputs } from '../../../trpc';
import { buttonClass, Card, Checkbox, Field, PageHeader, Select, type Column } from '../../../ui';

type InboxRow = RouterOutputs['staffAppeals']['inbox']['items'][number];

const COLUMNS: Column<InboxRow>[] = [
  { header: 'Номер', cell: (a) => <CaseNumber href={`/staff/appeals/${a.id}`} number={a.number} filedAt={a.registeredAt} /> },
  { header: 'Заявитель', cell: (a) => a.applicantName },
  { header: 'Тема и вид', cell: (a) => <TwoLines main={labelOf(APPEAL_TOPIC_LABELS, a.topic)} detail={labelOf(APPEAL_KIND_LABELS, a.kind)} /> },
  { header: 'Статус', cell: (a) => <AppealStatusChip summary={a} /> },
  { header: 'Исполнитель', cell: (a) => a.assigneeName ?? <span class="muted">Не назначен</span> },
  { header: 'Срок ответа', cell: (a) => <AppealDeadline summary={a} /> },
];

const pick = <T extends string>(values: readonly T[], v: unknown): T | undefined => values.find((x) => x === v);
/** «Мои», «Без исполнителя» or one staff member's id. */
const asAssignee = (v: unknown): string | undefined => (typeof v === 'string' && (v === 'me' || v === 'none' || UUID_RE.test(v)) ? v : undefined);

export default function StaffAppealsInboxPage() {
  const [params, setParams] = useSearchParams<{ topic?: string; kind?: string; stage?: string; assignee?: string; overdue?: string; q?: string }>();
  const search = createSearchBox(params.q, (q) => setParams({ q }, { replace: true }));

  const filters = createMemo(() => ({
    topic: pick(APPEAL_TOPICS, params.topic),
    kind: pick(APPEAL_KINDS, params.kind),
    stage: pick(APPEAL_STAGES, params.stage),
    assignee: asAssignee(params.assignee),
    overdue: params.overdue === '1' ? true : undefined,
    query: queryOf(params.q),
  }));
  const filtered = () => {
    const f = filters();
    return Boolean(f.topic || f.kind || f.stage || f.assignee || f.overdue || f.query);
  };
  const paged = createPagedList(filters, (f, page) => trpc.staffAppeals.inbox.query({ ...f, ...page }));
  const [assignees] = createResource(() => trpc.staffAppeals.assignees.query());
  onLive((event) => {
    if (event.kind !== 'notification') paged.refetch();
  });
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
          <Field id="appeals-search" label="Поиск" type="search" hint="Номер обращения или имя заявителя" maxLength={100} autocomplete="off" value={search.text()} onValue={search.onInput} />
          <Checkbox id="appeals-overdue" checked={filters().overdue === true} onChange={(checked) => setParams({ overdue: checked ? '1' : undefined }, { replace: true })}>
            Только просроченные
          </Checkbox>

          <ListTable
            {...pagedRows(paged)}
            loadError="Не удалось загрузить обращения"
            loading="Загружаем обращения…"
            empty={
              <EmptyList filtered={filtered()} title="Обращений пока нет">
                Поступившие обращения появятся здесь.
              </EmptyList>
            }
            caption="Обращения потребителей"
            columns={COLUMNS}
            {...QUEUE_TABLE}
          />
        </div>
      </Card>
    </div>
  );
}
