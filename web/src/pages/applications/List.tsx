// «Поданные заявки»: the applicant's applications with stage, status, next deadline and who acts.
// A table on a desktop; on a phone each row becomes a card (see .table in components.css).
// Read a page at a time, the newest first, with «Показать ещё».
import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { STAGE_DEFINITIONS } from '../../../../domain/application';
import { whoActsLabel } from '../../features/cases/wording';
import { CaseNumberCell, CaseStatusChip, DeadlineText } from '../../features/cases';
import { onLive } from '../../live';
import { trpc } from '../../trpc';
import { buttonClass, Card, EmptyState, Loading, PageHeader } from '../../ui';
import { LoadError } from '../../components/LoadError';
import { ShowMore } from '../../components/ShowMore';
import { createPagedList } from '../../paging';

export default function ApplicationsListPage() {
  const paged = createPagedList(
    () => 'all',
    (_, page) => trpc.applications.list.query(page),
  );
  const { list, refetch } = paged;
  onLive(() => refetch());
  const rows = paged.items;

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Поданные заявки"
        description="Ход и статус рассмотрения ваших заявок на технологическое присоединение."
        actions={
          <A href="/applications/new" class={buttonClass('primary')}>
            Подать заявку
          </A>
        }
      />
      <Switch>
        <Match when={list.state === 'errored'}>
          <LoadError title="Не удалось загрузить заявки" error={list.error} onRetry={refetch} />
        </Match>
        <Match when={rows()?.length === 0}>
          <EmptyState
            title="Заявок пока нет"
            action={
              <A href="/applications/new" class={buttonClass('primary')}>
                Подать заявку
              </A>
            }
          >
            Поданные заявки на технологическое присоединение появятся здесь вместе с этапом рассмотрения и сроками.
          </EmptyState>
        </Match>
        <Match when={rows()}>
          {(items) => (
            <Card>
              <div class="stack">
                <div class="table-wrap">
                  <table class="table">
                    <caption class="visually-hidden">Поданные заявки</caption>
                    <thead>
                      <tr>
                        <th scope="col">Номер</th>
                        <th scope="col">Объект</th>
                        <th scope="col">Этап</th>
                        <th scope="col">Статус</th>
                        <th scope="col">Срок</th>
                        <th scope="col">Действует</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={items()}>
                        {(a) => (
                          <tr classList={{ 'is-overdue': a.overdue }}>
                            <CaseNumberCell href={`/applications/${a.id}`} number={a.number} filedAt={a.submittedAt} />
                            <td data-label="Объект">
                              <div style={{ 'font-weight': 600 }}>{a.objectName}</div>
                              <div class="muted small">{a.objectAddress}</div>
                            </td>
                            <td data-label="Этап">{a.stageTitle}</td>
                            <td data-label="Статус">
                              <CaseStatusChip summary={a} />
                            </td>
                            <td data-label="Срок">
                              <DeadlineText deadlineAt={a.deadlineAt} overdue={a.overdue} />
                            </td>
                            <td data-label="Действует">
                              <Show when={!STAGE_DEFINITIONS[a.stage].final} fallback={<span class="muted">—</span>}>
                                {whoActsLabel(a.whoActs, 'applicant')}
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <ShowMore shown={items().length} hasMore={paged.hasMore()} loading={paged.loadingMore()} problem={paged.moreProblem()} onMore={() => void paged.loadMore()} />
              </div>
            </Card>
          )}
        </Match>
        <Match when={true}>
          <Loading label="Загружаем заявки…" />
        </Match>
      </Switch>
    </div>
  );
}
