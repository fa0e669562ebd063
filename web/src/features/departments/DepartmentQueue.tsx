// A department's queue (issue 20 items 1–2): the open cases whose current stage
// the department serves, the overdue first, each with its holder; a staff
// member takes an application not yet held.
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { Loaded } from '../../components/Loaded';
import { CaseNumber, DeadlineText } from '../cases';
import { onLive } from '../../live';
import { session } from '../../session';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, DataTable, EmptyState, PageHeader, type Column } from '../../ui';

type QueueCase = RouterOutputs['departments']['queue']['cases'][number];

export default function DepartmentQueue() {
  const params = useParams<{ id: string }>();
  const [data, { refetch }] = createResource(() => params.id, (id) => trpc.departments.queue.query({ id }));
  const [message, setMessage] = createSignal<{ tone: 'success' | 'error'; text: string } | null>(null);
  onLive(() => void refetch());
  const canTake = () => session.user()?.role === 'staff' || session.user()?.role === 'admin';
  // The workload is for the department's supervisors (and admins, auditors): the API refuses other staff.
  const [seesWorkload] = createResource(
    () => params.id,
    async (id) => session.user()?.role !== 'staff' || (await trpc.departments.mine.query()).some((d) => d.id === id && d.supervisor),
  );

  async function take(c: QueueCase) {
    setMessage(null);
    try {
      await trpc.departments.takeCase.mutate({ id: c.id });
      setMessage({ tone: 'success', text: `Заявка ${c.number} взята в работу` });
      void refetch();
    } catch (error) {
      setMessage({ tone: 'error', text: describeApiError(error).message });
    }
  }

  const columns: Column<QueueCase>[] = [
    { header: 'Номер', cell: (c) => <CaseNumber href={c.kind === 'application' ? `/staff/applications/${c.id}` : `/staff/appeals/${c.id}`} number={c.number} /> },
    { header: 'Вид', cell: (c) => (c.kind === 'application' ? 'Заявка на ТП' : 'Обращение') },
    { header: 'Заявитель', cell: (c) => c.applicantName },
    { header: 'Этап', cell: (c) => c.stageTitle },
    { header: 'Срок', cell: (c) => <DeadlineText deadlineAt={c.deadlineAt} overdue={c.overdue} /> },
    {
      header: 'Ведёт',
      cell: (c) => (
        <Show
          when={c.holderName}
          fallback={
            <Show when={c.kind === 'application' && canTake()} fallback={<span class="muted">никто</span>}>
              <Button type="button" size="small" variant="secondary" aria-label={`Взять в работу заявку ${c.number}`} onClick={() => void take(c)}>
                Взять в работу
              </Button>
            </Show>
          }
        >
          {(name) => <span class="holder">{name()}</span>}
        </Show>
      ),
    },
  ];

  return (
    <Loaded resource={data} loadError="Не удалось загрузить очередь отдела" loading="Загружаем очередь отдела">
      {(value) => (
        <>
          <PageHeader
            title={`Очередь отдела «${value().department.name}»`}
            description="Открытые дела на этапах, которые ведёт отдел: сначала просроченные, затем по сроку."
            actions={
              <Show when={seesWorkload()}>
                <A href={`/staff/departments/${value().department.id}/workload`}>Нагрузка отдела</A>
              </Show>
            }
          />
          <div class="stack">
            <Show when={message()}>{(m) => <Alert tone={m().tone}>{m().text}</Alert>}</Show>
            <Card title="Дела в очереди">
              <Show when={value().cases.length > 0} fallback={<EmptyState title="Очередь пуста">Дела появятся здесь, когда перейдут на этапы, которые ведёт отдел.</EmptyState>}>
                <DataTable caption={`Очередь отдела «${value().department.name}»`} columns={columns} rows={value().cases} />
              </Show>
            </Card>
          </div>
        </>
      )}
    </Loaded>
  );
}
