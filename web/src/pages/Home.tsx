import { A } from '@solidjs/router';
import { createResource, Match, Show, Switch, type JSX } from 'solid-js';
import { ROLE_LABELS } from '../../../domain/account';
import { STAGE_DEFINITIONS } from '../../../domain/application';
import { deadlineView, whoActsLabel } from '../features/cases/wording';
import { now } from '../clock';
import { takeFlash } from '../flash';
import { onLive } from '../live';
import { unread } from '../notifications';
import { userIn } from '../session';
import { describeApiError, trpc, type PublicUser } from '../trpc';
import { Alert, buttonClass, Card, Loading, PageHeader } from '../ui';
import { pluralRu } from '../ui/format';

function Stat(props: { label: string; value: string; children?: JSX.Element; tone?: 'danger' }) {
  return (
    <div class="stat" classList={{ 'stat--danger': props.tone === 'danger' }}>
      <p class="stat__label">{props.label}</p>
      <p class="stat__value">{props.value}</p>
      <Show when={props.children}>
        <div class="stat__more">{props.children}</div>
      </Show>
    </div>
  );
}

function ApplicantDashboard() {
  const [summary, { refetch }] = createResource(() => trpc.applications.dashboard.query());
  onLive(() => void refetch());
  const counts = () => (summary.state === 'ready' || summary.state === 'refreshing' ? summary.latest : undefined);

  return (
    <div class="stack stack--lg">
      <Switch>
        <Match when={summary.state === 'errored'}>
          <Alert tone="error">Не удалось загрузить сводку по заявкам: {describeApiError(summary.error).message}</Alert>
        </Match>
        <Match when={counts()}>
          {(c) => (
            <section class="stats" aria-label="Сводка">
              <Stat label="Заявки в работе" value={String(c().active)}>
                <Show when={c().yourTurn} fallback={<A href="/applications">Поданные заявки</A>}>
                  <A href="/applications">
                    Ждут ваших действий: {c().yourTurn}
                  </A>
                </Show>
              </Stat>
              <Show
                when={c().nearest}
                fallback={
                  <Stat label="Ближайший срок" value="—">
                    <span class="muted">Сроков, которые сейчас текут, нет</span>
                  </Stat>
                }
              >
                {(a) => {
                  const d = () => deadlineView(a().deadlineAt, now(), a().deadlineTerm);
                  return (
                    <Stat label="Ближайший срок" value={d()?.date ?? '—'} tone={d()?.late || a().overdue ? 'danger' : undefined}>
                      <span>{d()?.left}</span>
                      <br />
                      <A href={`/applications/${a().id}`}>{a().number}</A>: {STAGE_DEFINITIONS[a().stage].title.toLowerCase()}; действует: {whoActsLabel(a().whoActs, 'applicant').toLowerCase()}
                    </Stat>
                  );
                }}
              </Show>
              <Stat label="Непрочитанные уведомления" value={String(unread.count())}>
                <A href="/notifications">Уведомления</A>
              </Stat>
            </section>
          )}
        </Match>
        <Match when={true}>
          <Loading inline label="Загружаем сводку…" />
        </Match>
      </Switch>

      <Card title="Быстрые ссылки">
        <div class="cluster">
          <A href="/applications/new" class={buttonClass('primary')}>
            Подать заявку
          </A>
          <A href="/applications" class={buttonClass('secondary')}>
            Поданные заявки
          </A>
          <A href="/notifications" class={buttonClass('secondary')}>
            Уведомления
          </A>
          <A href="/profile" class={buttonClass('ghost')}>
            Профиль
          </A>
        </div>
      </Card>
    </div>
  );
}

function StaffDashboard(props: { user: PublicUser }) {
  const [summary, { refetch }] = createResource(() => trpc.staffApplications.dashboard.query());
  onLive((event) => {
    if (event.kind !== 'notification') void refetch();
  });
  const counts = () => (summary.state === 'ready' || summary.state === 'refreshing' ? summary.latest : undefined);
  return (
    <div class="stack stack--lg">
      <Show when={counts()} fallback={<Show when={summary.state !== 'errored'}><Loading inline label="Загружаем сводку…" /></Show>}>
        {(c) => (
          <section class="stats" aria-label="Сводка">
            <Stat label="Заявки в работе" value={String(c().active)}>
              <A href="/staff/applications?status=active">Очередь заявок</A>
            </Stat>
            <Stat label="Ждут действий сетевой организации" value={String(c().gridTurn)}>
              <span class="muted">{pluralRu(c().gridTurn, ['заявка', 'заявки', 'заявок'])} на этапах сетевой организации</span>
            </Stat>
            <Stat label="Просрочено" value={String(c().overdue)} tone={c().overdue ? 'danger' : undefined}>
              <A href="/staff/applications?overdue=1">Только просроченные</A>
            </Stat>
            <Stat label="Непрочитанные уведомления" value={String(unread.count())}>
              <A href="/notifications">Уведомления</A>
            </Stat>
          </section>
        )}
      </Show>
      <Card title="Для сотрудников">
        <p class="muted" style={{ margin: 0 }}>
          Вы вошли с ролью «{ROLE_LABELS[props.user.role]}».{' '}
          {props.user.role === 'auditor' ? 'Заявки доступны для просмотра в разделе «Заявки на ТП».' : 'Заявки на технологическое присоединение — в разделе «Заявки на ТП»; служебные разделы — в конце меню.'}
        </p>
      </Card>
    </div>
  );
}

/** The logged-in start page: a short dashboard of what needs attention. */
export default function HomePage(props: { user: PublicUser }) {
  const notice = takeFlash();
  return (
    <div class="stack stack--lg">
      <PageHeader title="Личный кабинет" description={`Здравствуйте, ${props.user.displayName || props.user.email}!`} />
      <Show when={notice}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
      <Switch>
        <Match when={props.user.role === 'applicant'}>
          <ApplicantDashboard />
        </Match>
        <Match when={userIn(props.user, 'readers')}>
          <StaffDashboard user={props.user} />
        </Match>
      </Switch>
    </div>
  );
}
