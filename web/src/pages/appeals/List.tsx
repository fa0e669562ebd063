// «Обращения»: the applicant's appeals with topic, kind, status and the answer
// term. A table on a desktop; on a phone each row becomes a card. Read a page
// at a time, the newest first, with «Показать ещё».
import { A } from '@solidjs/router';
import { APPEAL_KIND_LABELS, APPEAL_TOPIC_LABELS } from '../../../../domain/appeal';
import { formatTerm, REGULATIONS } from '../../../../domain/regulations';
import { ListTable, pagedRows } from '../../components/ListTable';
import { AppealDeadline, AppealStatusChip } from '../../features/appeals/AppealParts';
import { labelOf, type AppealSummary } from '../../features/appeals/wording';
import { CaseNumber } from '../../features/cases';
import { createLivePagedList } from '../../paging';
import { trpc } from '../../trpc';
import { buttonClass, EmptyState, PageHeader, type Column } from '../../ui';

const COLUMNS: Column<AppealSummary>[] = [
  { header: 'Номер', cell: (a) => <CaseNumber href={`/appeals/${a.id}`} number={a.number} filedAt={a.registeredAt} /> },
  { header: 'Тема', cell: (a) => labelOf(APPEAL_TOPIC_LABELS, a.topic) },
  { header: 'Вид', cell: (a) => labelOf(APPEAL_KIND_LABELS, a.kind) },
  { header: 'Статус', cell: (a) => <AppealStatusChip summary={a} /> },
  { header: 'Срок ответа', cell: (a) => <AppealDeadline summary={a} /> },
];

const newAppeal = () => (
  <A href="/appeals/new" class={buttonClass('primary')}>
    Подать обращение
  </A>
);

export default function AppealsListPage() {
  const paged = createLivePagedList((page) => trpc.appeals.list.query(page));

  return (
    <div class="stack stack--lg">
      <PageHeader title="Обращения" description={`Жалобы, заявления и вопросы в сетевую организацию. Ответ даётся в течение ${formatTerm(REGULATIONS.appealAnswer)} ${REGULATIONS.appealAnswer.from}.`} actions={newAppeal()} />
      <ListTable
        {...pagedRows(paged)}
        card
        loadError="Не удалось загрузить обращения"
        loading="Загружаем обращения…"
        empty={
          <EmptyState title="Обращений пока нет" action={newAppeal()}>
            Поданные обращения появятся здесь вместе со статусом рассмотрения и сроком ответа.
          </EmptyState>
        }
        caption="Поданные обращения"
        columns={COLUMNS}
        rowClass={(a) => ({ 'is-overdue': a.overdue })}
      />
    </div>
  );
}
