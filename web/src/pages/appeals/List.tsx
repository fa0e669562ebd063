// «Обращения»: the applicant's appeals with topic, kind, status and the answer
// term. A table on a desktop; on a phone each row becomes a card.
import { A } from '@solidjs/router';
import { createResource, For, Match, Switch } from 'solid-js';
import { APPEAL_KIND_LABELS, APPEAL_TOPIC_LABELS } from '../../../../domain/appeal';
import { MAX_PAGE_SIZE } from '../../../../domain/lists';
import { formatTerm, REGULATIONS } from '../../../../domain/regulations';
import { labelOf } from '../../features/appeals/wording';
import { AppealDeadline, AppealStatusChip } from '../../features/appeals/AppealParts';
import { CaseNumberCell } from '../../features/cases';
import { onLive } from '../../live';
import { trpc } from '../../trpc';
import { buttonClass, Card, EmptyState, Loading, PageHeader } from '../../ui';
import { LoadError } from '../../components/LoadError';

export default function AppealsListPage() {
  // The first keyset page of the widest size (db/read-models/appeals.ts); «Показать ещё» is still to come.
  const [list, { refetch }] = createResource(() => trpc.appeals.list.query({ limit: MAX_PAGE_SIZE }).then((page) => page.items));
  onLive(() => void refetch());
  const rows = () => (list.state === 'ready' || list.state === 'refreshing' ? list.latest : undefined);
  const newAppeal = (
    <A href="/appeals/new" class={buttonClass('primary')}>
      Подать обращение
    </A>
  );

  return (
    <div class="stack stack--lg">
      <PageHeader title="Обращения" description={`Жалобы, заявления и вопросы в сетевую организацию. Ответ даётся в течение ${formatTerm(REGULATIONS.appealAnswer)} ${REGULATIONS.appealAnswer.from}.`} actions={newAppeal} />
      <Switch>
        <Match when={list.state === 'errored'}>
          <LoadError title="Не удалось загрузить обращения" error={list.error} onRetry={refetch} />
        </Match>
        <Match when={rows()?.length === 0}>
          <EmptyState
            title="Обращений пока нет"
            action={
              <A href="/appeals/new" class={buttonClass('primary')}>
                Подать обращение
              </A>
            }
          >
            Поданные обращения появятся здесь вместе со статусом рассмотрения и сроком ответа.
          </EmptyState>
        </Match>
        <Match when={rows()}>
          {(items) => (
            <Card>
              <div class="table-wrap">
                <table class="table">
                  <caption class="visually-hidden">Поданные обращения</caption>
                  <thead>
                    <tr>
                      <th scope="col">Номер</th>
                      <th scope="col">Тема</th>
                      <th scope="col">Вид</th>
                      <th scope="col">Статус</th>
                      <th scope="col">Срок ответа</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={items()}>
                      {(a) => (
                        <tr classList={{ 'is-overdue': a.overdue }}>
                          <CaseNumberCell href={`/appeals/${a.id}`} number={a.number} filedAt={a.registeredAt} />
                          <td data-label="Тема">{labelOf(APPEAL_TOPIC_LABELS, a.topic)}</td>
                          <td data-label="Вид">{labelOf(APPEAL_KIND_LABELS, a.kind)}</td>
                          <td data-label="Статус">
                            <AppealStatusChip summary={a} />
                          </td>
                          <td data-label="Срок ответа">
                            <AppealDeadline summary={a} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Card>
          )}
        </Match>
        <Match when={true}>
          <Loading label="Загружаем обращения…" />
        </Match>
      </Switch>
    </div>
  );
}
