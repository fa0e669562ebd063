// «Поданные заявки»: the applicant's applications with stage, status, next deadline and who acts.
// A table on a desktop; on a phone each row becomes a card (see .table in components.css).
// Read a page at a time, the newest first, with «Показать ещё».
import { A } from '@solidjs/router';
import { STAGE_DEFINITIONS } from '../../../../domain/application';
import { ListTable, pagedRows } from '../../components/ListTable';
import { CaseNumber, CaseStatusChip, DeadlineText, TwoLines } from '../../features/cases';
import { whoActsLabel, type ApplicationSummary } from '../../features/cases/wording';
import { createLivePagedList } from '../../paging';
import { trpc } from '../../trpc';
import { buttonClass, EmptyState, PageHeader, type Column } from '../../ui';
import { NO_VALUE } from '../../ui/format';

const COLUMNS: Column<ApplicationSummary>[] = [
  { header: 'Номер', cell: (a) => <CaseNumber href={`/applications/${a.id}`} number={a.number} filedAt={a.submittedAt} /> },
  { header: 'Объект', cell: (a) => <TwoLines main={a.objectName} detail={a.objectAddress} bold /> },
  { header: 'Этап', cell: (a) => a.stageTitle },
  { header: 'Статус', cell: (a) => <CaseStatusChip summary={a} /> },
  { header: 'Срок', cell: (a) => <DeadlineText deadlineAt={a.deadlineAt} deadlineTerm={a.deadlineTerm} overdue={a.overdue} /> },
  { header: 'Действует', cell: (a) => (STAGE_DEFINITIONS[a.stage].final ? <span class="muted">{NO_VALUE}</span> : whoActsLabel(a.whoActs, 'applicant')) },
];

const newApplication = () => (
  <A href="/applications/new" class={buttonClass('primary')}>
    Подать заявку
  </A>
);

export default function ApplicationsListPage() {
  const paged = createLivePagedList((page) => trpc.applications.list.query(page));

  return (
    <div class="stack stack--lg">
      <PageHeader title="Поданные заявки" description="Ход и статус рассмотрения ваших заявок на технологическое присоединение." actions={newApplication()} />
      <ListTable
        {...pagedRows(paged)}
        card
        loadError="Не удалось загрузить заявки"
        loading="Загружаем заявки…"
        empty={
          <EmptyState title="Заявок пока нет" action={newApplication()}>
            Поданные заявки на технологическое присоединение появятся здесь вместе с этапом рассмотрения и сроками.
          </EmptyState>
        }
        caption="Поданные заявки"
        columns={COLUMNS}
        rowClass={(a) => ({ 'is-overdue': a.overdue })}
      />
    </div>
  );
}
