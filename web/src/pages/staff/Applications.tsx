// «Заявки на ТП»: the staff queue. Filters live in the address so a case
// opened from the queue comes back to the same selection; the order is the
// server's (overdue first, then the nearest deadline), read a page at a time.
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { STAGE_DEFINITIONS, STAGES, type Stage } from '../../../../domain/application';
import { LATE_PARTY_WORDS } from '../../../../domain/penalties';
import { EmptyList, ListTable, pagedRows, QUEUE_TABLE } from '../../components/ListTable';
import { CaseNumber, DeadlineText, TwoLines } from '../../features/cases';
import { PenaltyCell } from '../../features/cases/PenaltyCell';
import { CASE_STATUS_LABELS, whoActsLabel } from '../../features/cases/wording';
import { onLive } from '../../live';
import { createPagedList } from '../../paging';
import { createSearchBox, queryOf } from '../../search-box';
import { trpc, type RouterOutputs } from '../../trpc';
import { buttonClass, Card, Checkbox, Field, PageHeader, Select, StatusChip, type Column } from '../../ui';

type QueueRow = RouterOutputs['staffApplications']['queue']['items'][number];
type CaseStatus = QueueRow['status'];
const STATUSES = Object.keys(CASE_STATUS_LABELS) as CaseStatus[];

const STAGE_OPTIONS = STAGES.map((stage) => ({ value: stage, label: `${STAGE_DEFINITIONS[stage].step}. ${STAGE_DEFINITIONS[stage].title}` }));
const STATUS_OPTIONS = STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));

const asStage = (v: unknown): Stage | undefined => STAGES.find((s) => s === v);
const asStatus = (v: unknown): CaseStatus | undefined => STATUSES.find((s) => s === v);

const COLUMNS: Column<QueueRow>[] = [
  { header: 'Номер', cell: (a) => <CaseNumber href={`/staff/applications/${a.id}`} number={a.number} /> },
  { header: 'Заявитель', cell: (a) => a.applicantName },
  { header: 'Объект', cell: (a) => <TwoLines main={a.objectName} detail={a.objectAddress} bold /> },
  { header: 'Этап', cell: (a) => <TwoLines main={a.stageTitle} detail={a.statusLabel} /> },
  { header: 'Срок', cell: (a) => <DeadlineText deadlineAt={a.deadlineAt} deadlineTerm={a.deadlineTerm} overdue={a.overdue} /> },
  {
    header: 'Просрочка',
    cell: (a) => (
      <Show when={a.overdue || a.lateParty || a.instalmentOverdue} fallback={<span class="muted">—</span>}>
        <Show when={a.overdue || a.lateParty}>
          <StatusChip tone="danger">Просрочено</StatusChip>
          <Show when={a.lateParty}>{(party) => <div class="muted small">{LATE_PARTY_WORDS[party()]}</div>}</Show>
        </Show>
        {/* A missed instalment is the applicant's debt: shown apart, never as the grid's lateness. */}
        <Show when={a.instalmentOverdue}>
          <StatusChip tone="warning">Долг заявителя по графику платежей</StatusChip>
        </Show>
      </Show>
    ),
  },
  { header: 'Неустойка', cell: (a) => <PenaltyCell penalty={a.penalty} /> },
  { header: 'Действует', cell: (a) => (STAGE_DEFINITIONS[a.stage].final ? CASE_STATUS_LABELS[a.status] : whoActsLabel(a.whoActs, 'staff')) },
];

export default function StaffApplicationsPage() {
  const [params, setParams] = useSearchParams<{ stage?: string; status?: string; overdue?: string; q?: string }>();
  const search = createSearchBox(params.q, (q) => setParams({ q }, { replace: true }));

  const filters = createMemo(() => ({
    stage: asStage(params.stage),
    status: asStatus(params.status),
    overdue: params.overdue === '1' ? true : undefined,
    query: queryOf(params.q),
  }));
  const filtered = () => Boolean(filters().stage || filters().status || filters().overdue || filters().query);
  const paged = createPagedList(filters, (f, page) => trpc.staffApplications.queue.query({ ...f, ...page }));
  onLive((event) => {
    if (event.kind !== 'notification') paged.refetch();
  });

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Заявки на ТП"
        description="Очередь заявок на технологическое присоединение: сначала просроченные, затем с ближайшим сроком."
        actions={
          <A class={buttonClass('secondary', 'small')} href="/staff/penalties">
            Неустойки
          </A>
        }
      />
      <Card>
        <div class="stack">
          <div class="form-grid" role="search" aria-label="Отбор заявок">
            <Select id="queue-stage" label="Этап" placeholder="Все этапы" options={STAGE_OPTIONS} value={filters().stage ?? ''} onValue={(v) => setParams({ stage: asStage(v) }, { replace: true })} />
            <Select id="queue-status" label="Статус" placeholder="Все" options={STATUS_OPTIONS} value={filters().status ?? ''} onValue={(v) => setParams({ status: asStatus(v) }, { replace: true })} />
            <Field id="queue-search" label="Поиск" type="search" hint="Номер заявки, заявитель, объект или адрес" maxLength={100} autocomplete="off" value={search.text()} onValue={search.onInput} />
          </div>
          <Checkbox id="queue-overdue" checked={filters().overdue === true} onChange={(checked) => setParams({ overdue: checked ? '1' : undefined }, { replace: true })}>
            Только просроченные
          </Checkbox>
          <ListTable
            {...pagedRows(paged)}
            loadError="Не удалось загрузить заявки"
            loading="Загружаем заявки…"
            empty={
              <EmptyList filtered={filtered()} title="Заявок пока нет">
                Поданные заявки появятся здесь.
              </EmptyList>
            }
            caption="Заявки на технологическое присоединение"
            columns={COLUMNS}
            {...QUEUE_TABLE}
          />
        </div>
      </Card>
    </div>
  );
}
