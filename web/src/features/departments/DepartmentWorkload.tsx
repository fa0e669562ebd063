// A department's workload for its supervisor (issue 20 item 4): open cases by
// holder with those at risk of the grid's term and those overdue, what each
// handled this week, and per stage the median working days by who handled it
// (the lead-time chart of the public dashboard, with its table behind it).
import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { Loaded } from '../../components/Loaded';
import { ROUTABLE_STAGES } from '../../../../domain/departments';
import { WORKLOAD_MEDIAN_DAYS } from '../../../../domain/workload';
import { onLive } from '../../live';
import { trpc, type RouterOutputs } from '../../trpc';
import { Card, DataTable, EmptyState, PageHeader, SmallNote, type Column } from '../../ui';
import { LeadChart } from '../transparency/LeadChart';
import { formatDays } from '../transparency/wording';

type Workload = RouterOutputs['departments']['workload'];
type HolderLine = Workload['holders'][number];
type HandlerLine = Workload['stages'][number]['byHandler'][number];

const stageTitle = (ref: string) => ROUTABLE_STAGES.find((s) => s.ref === ref)?.title ?? ref;
const dateFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'Europe/Moscow' });

const holderColumns: Column<HolderLine>[] = [
  { header: 'Исполнитель', cell: (h) => h.holderName },
  { header: 'Открыто', cell: (h) => h.open },
  { header: 'Срок под угрозой', cell: (h) => h.atRisk },
  { header: 'Просрочено', cell: (h) => h.overdue },
  { header: 'Выполнено за неделю', cell: (h) => h.handledThisWeek },
];

const handlerColumns: Column<HandlerLine>[] = [
  { header: 'Исполнитель', cell: (h) => h.handlerName },
  { header: 'Этапов выполнено', cell: (h) => h.count },
  { header: 'Медиана, рабочих дней', cell: (h) => formatDays(h.medianDays) },
];

export default function DepartmentWorkload() {
  const params = useParams<{ id: string }>();
  const [data, { refetch }] = createResource(() => params.id, (id) => trpc.departments.workload.query({ id }));
  onLive(() => void refetch());
  return (
    <Loaded resource={data} loadError="Не удалось загрузить нагрузку отдела" loading="Загружаем нагрузку отдела">
      {(value) => (
        <>
          <PageHeader
            title={`Нагрузка отдела «${value().department.name}»`}
            description="Открытые дела по исполнителям, сроки под угрозой и просроченные, выполненное за неделю и время на этапах."
            actions={<A href={`/staff/departments/${value().department.id}`}>Очередь отдела</A>}
          />
          <div class="stack">
            <Card title="По исполнителям">
              <Show when={value().holders.length > 0} fallback={<EmptyState title="Нет дел">В очереди отдела нет открытых дел, и за неделю этапы не выполнялись.</EmptyState>}>
                <DataTable caption="Открытые дела отдела по исполнителям" columns={holderColumns} rows={value().holders} />
              </Show>
              <SmallNote>
                «Срок под угрозой» — процесс предупредил, что срок этапа сетевой организации скоро истекает (настройка termAtRisk в таблице сроков). «Выполнено за неделю» — с {dateFormat.format(new Date(value().weekFrom))}.
              </SmallNote>
            </Card>
            <For each={value().stages}>
              {(stage) => (
                <Card title={`Время на этапе: ${stageTitle(stage.stageRef)}`}>
                  <LeadChart
                    title={`Медиана рабочих дней на этапе «${stageTitle(stage.stageRef)}» по исполнителям за ${WORKLOAD_MEDIAN_DAYS} дней`}
                    unit="раб. дн."
                    items={stage.byHandler.map((h) => ({ label: h.handlerName, median: h.medianDays, p90: null, term: null }))}
                  />
                  <DataTable caption={`Этап «${stageTitle(stage.stageRef)}»: выполнено и медиана рабочих дней по исполнителям`} columns={handlerColumns} rows={stage.byHandler} />
                </Card>
              )}
            </For>
            <Show when={value().stages.length === 0}>
              <SmallNote>За последние {WORKLOAD_MEDIAN_DAYS} дней этапы отдела не выполнялись.</SmallNote>
            </Show>
          </div>
        </>
      )}
    </Loaded>
  );
}
