// «Сообщения»: an applicant's conversations (unread first), or for staff the
// cases whose applicants wrote something nobody of the grid has read yet. Each
// row opens the case page at its conversation. Live events refresh it.
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { onLive } from '../../live';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Card, EmptyState, Loading, PageHeader } from '../../ui';
import { formatDateTime } from '../../ui/format';
import { unreadMessages } from './unread';

export default function ConversationInbox() {
  const [inbox, { refetch }] = createResource(() => trpc.conversations.inbox.query());
  onLive(() => {
    void refetch();
    unreadMessages.refresh();
  });
  const href = (side: 'applicant' | 'grid', kind: 'application' | 'appeal', caseId: string) =>
    `${side === 'grid' ? '/staff' : ''}/${kind === 'application' ? 'applications' : 'appeals'}/${caseId}#conversation`;
  return (
    <div class="stack stack--lg">
      <PageHeader title="Сообщения" description="Переписка по заявкам и обращениям" />
      <Show when={!inbox.error} fallback={<Alert tone="error">{describeApiError(inbox.error).message}</Alert>}>
        <Show when={inbox.latest} fallback={<Loading />}>
          {(data) => (
            <Card title={data().side === 'grid' ? 'Непрочитанные сообщения заявителей' : 'Переписка по вашим делам'}>
              <Show when={data().cases.length > 0} fallback={<EmptyState title={data().side === 'grid' ? 'Все сообщения заявителей прочитаны' : 'Переписки пока нет'} />}>
                <ul class="stack" style={{ 'list-style': 'none', padding: 0, margin: 0 }}>
                  <For each={data().cases}>
                    {(c) => (
                      <li>
                        <A href={href(data().side, c.kind, c.caseId)}>
                          {c.kind === 'application' ? 'Заявка' : 'Обращение'} {c.number}
                        </A>
                        {' · '}последнее сообщение {formatDateTime(c.lastAt)}
                        <Show when={c.unread > 0}>
                          {' · '}
                          <strong>непрочитанных: {c.unread}</strong>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </Card>
          )}
        </Show>
      </Show>
    </div>
  );
}
