// «Уведомления»: the feed, newest first; unread ones stand out. Live events refresh it.
import { A } from '@solidjs/router';
import { createResource, createUniqueId, For, Show } from 'solid-js';
import { onLive } from '../live';
import { unread } from '../notifications';
import { session, userIn } from '../session';
import { createBusy } from '../busy';
import { trpc, type RouterOutputs } from '../trpc';
import { Alert, Button, Card, EmptyState, PageHeader, StatusChip } from '../ui';
import { formatDateTime } from '../ui/format';
import { latest, Loaded } from '../components/Loaded';

type Item = RouterOutputs['notifications']['list'][number];

const LIST_LIMIT = 100;

export default function NotificationsPage() {
  const [list, { refetch, mutate }] = createResource(() => trpc.notifications.list.query({ limit: LIST_LIMIT }));
  const { busy, problem, run } = createBusy<string>();
  onLive(() => void refetch());

  const items = () => latest(list);
  const unreadCount = () => items()?.filter((n) => !n.read).length ?? 0;
  const staffView = () => userIn(session.user(), 'readers');
  // Each notification carries its page; older ones (before links were stored) point at the application.
  const caseHref = (n: Item) => n.link ?? (n.caseId ? (staffView() ? `/staff/applications/${n.caseId}` : `/applications/${n.caseId}`) : null);

  function markRead(ids?: string[]) {
    return run(ids ? ids.join() : 'all', async () => {
      await trpc.notifications.markRead.mutate(ids ? { ids } : {});
      // Shown as read at once; the refetch brings anything that arrived meanwhile.
      mutate((rows) => rows?.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n)));
      unread.refresh();
      void refetch();
    });
  }

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Уведомления"
        description="Сообщения о ходе рассмотрения заявок: смена этапа, новые документы, напоминания о сроках."
        actions={
          <Button variant="secondary" loading={busy() === 'all'} disabled={busy() !== null || unreadCount() === 0} onClick={() => void markRead()}>
            Отметить все как прочитанные
          </Button>
        }
      />
      <Show when={problem()}>
        <Alert tone="error">{problem()}</Alert>
      </Show>
      <Loaded
        resource={list}
        retry={refetch}
        loadError="Не удалось загрузить уведомления"
        loading="Загружаем уведомления…"
        empty={<EmptyState title="Уведомлений пока нет">Здесь появятся сообщения о смене этапов ваших заявок и о новых документах.</EmptyState>}
      >
          {(rows) => (
            <Card>
              <p class="muted small" role="status" style={{ margin: '0 0 var(--space-3)' }}>
                {unreadCount() ? `Непрочитанных: ${unreadCount()}` : 'Все уведомления прочитаны'}
              </p>
              <ul class="notif-list">
                <For each={rows()}>
                  {(n) => {
                    const titleId = createUniqueId();
                    return (
                      <li class="notif" classList={{ 'notif--unread': !n.read }}>
                        <div class="notif__main">
                          <p class="notif__head">
                            <Show when={!n.read}>
                              <StatusChip tone="info">Новое</StatusChip>{' '}
                            </Show>
                            <span class="notif__title" id={titleId}>
                              {n.title}
                            </span>
                          </p>
                          <p class="notif__body">{n.body}</p>
                          <p class="notif__meta muted small">
                            <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                            <Show when={caseHref(n)}>
                              {(href) => (
                                <>
                                  {' · '}
                                  <A href={href()} onClick={() => !n.read && void trpc.notifications.markRead.mutate({ ids: [n.id] }).then(unread.refresh, () => undefined)}>
                                    Заявка {n.caseNumber ?? ''}
                                  </A>
                                </>
                              )}
                            </Show>
                          </p>
                        </div>
                        <Show when={!n.read}>
                          <Button variant="ghost" size="small" aria-describedby={titleId} loading={busy() === n.id} disabled={busy() !== null} onClick={() => void markRead([n.id])}>
                            Прочитано
                          </Button>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Card>
          )}
      </Loaded>
    </div>
  );
}
