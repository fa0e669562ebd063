// The departments' queues for staff (issue 20 item 1): every department, the
// user's own first; each opens its queue (DepartmentQueue.tsx).
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { Loaded } from '../../components/Loaded';
import { session } from '../../session';
import { trpc } from '../../trpc';
import { PageHeader, StatusChip } from '../../ui';

export default function DepartmentList() {
  const [data] = createResource(async () => {
    const [all, mine] = await Promise.all([trpc.departments.list.query(), session.user()?.role === 'auditor' ? Promise.resolve([]) : trpc.departments.mine.query()]);
    return { all, mine: new Set(mine.map((d) => d.id)) };
  });
  return (
    <>
      <PageHeader title="Очереди отделов" description="Открытые заявки и обращения, которые сейчас на этапах, которые ведёт отдел. Общая очередь — в разделе «Заявки на ТП»." />
      <Loaded resource={data} loadError="Не удалось загрузить отделы" loading="Загружаем отделы">
        {(value) => (
          <ul class="stack">
            <For each={[...value().all].sort((a, b) => Number(value().mine.has(b.id)) - Number(value().mine.has(a.id)))}>
              {(d) => (
                <li>
                  <A href={`/staff/departments/${d.id}`}>{d.name}</A>
                  <Show when={value().mine.has(d.id)}>
                    {' '}
                    <StatusChip tone="info">ваш отдел</StatusChip>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </>
  );
}
