// The applicant's appeal page: status and answer term, the actions open now,
// the appeal's text, the conversation with the answer, the stage timeline and
// the documents. Refreshed by live events.
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { ANSWER_CHANNEL_LABELS, APPEAL_APPLICANT_ACTIONS, APPEAL_KIND_LABELS, APPEAL_STAGE_DEFINITIONS, APPEAL_TOPIC_LABELS, type AppealApplicantAction } from '../../../../domain/appeal';
import { MAX_PAGE_SIZE } from '../../../../domain/lists';
import { afterAppealActionText, appealWhoActs, labelOf, type ApplicantAppeal, type AppealView } from '../../features/appeals/wording';
import { AppealDeadline, AppealDocuments, AppealStatusChip, AppealTextCard, AppealTimeline, Conversation } from '../../features/appeals/AppealParts';
import { concernsCase, onLive } from '../../live';
import { unread } from '../../notifications';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Card, EmptyState, Loading, PageHeader } from '../../ui';
import { formatDateTime } from '../../ui/format';
import { AppealApplicantActions } from './ApplicantActions';
import { LoadError } from '../../components/LoadError';

interface Refusal {
  action: AppealApplicantAction;
  message: string;
}

/** The linked application's number, when it is among the user's applications. */
function LinkedApplication(props: { id: string }) {
  const [apps] = createResource(() => trpc.applications.list.query({ limit: MAX_PAGE_SIZE }).then((page) => page.items).catch(() => []));
  const number = () => (apps.state === 'ready' ? apps().find((a) => a.id === props.id)?.number : undefined);
  return <A href={`/applications/${props.id}`}>{number() ?? 'Открыть заявку'}</A>;
}

function AppealBody(props: { data: ApplicantAppeal; notice: string | null; refusal: Refusal | null; onChanged: (action: AppealApplicantAction, view: AppealView) => void; onRefused: (action: AppealApplicantAction, message: string) => void }) {
  const s = () => props.data.summary;
  const final = () => APPEAL_STAGE_DEFINITIONS[s().stage].final === true;
  return (
    <div class="stack stack--lg">
      <PageHeader title={`Обращение ${s().number}`} description={`${labelOf(APPEAL_TOPIC_LABELS, s().topic)} · ${labelOf(APPEAL_KIND_LABELS, s().kind)}`} actions={<AppealStatusChip summary={s()} />} />
      <p class="muted small" style={{ margin: 0 }}>
        <A href="/appeals">← Все обращения</A>
      </p>

      <Card title="Сводка">
        <dl class="dl">
          <dt>Статус</dt>
          <dd>
            <AppealStatusChip summary={s()} />
          </dd>
          <dt>Этап</dt>
          <dd>{s().stageTitle}</dd>
          <dt>Срок ответа</dt>
          <dd>
            <AppealDeadline summary={s()} />
          </dd>
          <Show when={!final()}>
            <dt>Действует</dt>
            <dd>{appealWhoActs(s().whoActs, 'applicant')}</dd>
          </Show>
          <dt>Зарегистрировано</dt>
          <dd>{formatDateTime(s().registeredAt)} (мск)</dd>
          <dt>Способ получения ответа</dt>
          <dd>{labelOf(ANSWER_CHANNEL_LABELS, s().answerChannel)}</dd>
          <Show when={s().applicationId}>
            {(id) => (
              <>
                <dt>Связанная заявка</dt>
                <dd>
                  <LinkedApplication id={id()} />
                </dd>
              </>
            )}
          </Show>
          <Show when={s().finishedAt}>
            <dt>Закрыто</dt>
            <dd>{formatDateTime(s().finishedAt)} (мск)</dd>
          </Show>
        </dl>
      </Card>

      <section class="stack" aria-labelledby="appeal-actions-title">
        <h2 id="appeal-actions-title" class="section-title">
          Действия
        </h2>
        <Show when={props.notice}>
          <Alert tone="success">{props.notice}</Alert>
        </Show>
        {/* A refused action whose form is gone (the appeal moved on) still says why. */}
        <Show when={props.refusal && !(props.data.actions as readonly string[]).includes(props.refusal.action) ? props.refusal : null}>
          {(r) => <Alert tone="error">{r().message}</Alert>}
        </Show>
        <Show
          when={props.data.actions.length}
          fallback={<p class="muted">{final() ? 'Обращение закрыто: действий по нему нет.' : 'Сейчас от вас ничего не требуется: обращение рассматривает сетевая организация.'}</p>}
        >
          <AppealApplicantActions appealId={s().id} events={props.data.events} actions={props.data.actions} onDone={props.onChanged} onRefused={props.onRefused} />
        </Show>
      </section>

      <AppealTextCard text={props.data.text} contractNumber={props.data.contractNumber} problemTime={props.data.problemTime} registeredAt={s().registeredAt} events={props.data.events} documents={props.data.documents} />
      <Conversation events={props.data.events} documents={props.data.documents} viewer="applicant" stage={s().stage} />

      <Card title="Ход рассмотрения">
        <AppealTimeline summary={s()} events={props.data.events} viewer="applicant" />
      </Card>

      <AppealDocuments documents={props.data.documents} viewer="applicant" />
    </div>
  );
}

export default function AppealCasePage() {
  const params = useParams();
  const [data, { refetch }] = createResource(
    () => params.id,
    (id) => trpc.appeals.get.query({ id }),
  );
  // A notice speaks of the stage the action led to; once the appeal has moved on (live), it would mislead.
  const [notice, setNotice] = createSignal<{ text: string; stage: string } | null>(null);
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);

  onLive((event) => {
    if (concernsCase(event, params.id ?? '')) void refetch();
  });

  function changed(action: AppealApplicantAction, view: AppealView) {
    setRefusal(null);
    setNotice({ text: `Выполнено: «${APPEAL_APPLICANT_ACTIONS[action].label}». ${afterAppealActionText(view.stage)}.`, stage: view.stage });
    void refetch();
    unread.refresh();
  }

  const current = () => (data.state === 'ready' || data.state === 'refreshing' ? data.latest : undefined);
  const missing = () => {
    if (data.state !== 'errored') return false;
    const code = describeApiError(data.error).code;
    return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
  };

  return (
    <Switch>
      <Match when={missing()}>
        <div class="stack stack--lg">
          <PageHeader title="Обращение не найдено" />
          <EmptyState icon="search" title="Такого обращения нет среди ваших" action={<A href="/appeals">К списку обращений</A>}>
            Проверьте ссылку или откройте обращение из списка.
          </EmptyState>
        </div>
      </Match>
      <Match when={data.state === 'errored'}>
        <div class="stack stack--lg">
          <PageHeader title="Обращение" />
          <LoadError title="Не удалось загрузить обращение" error={data.error} onRetry={refetch} />
        </div>
      </Match>
      <Match when={current()}>
        {(d) => (
          <AppealBody
            data={d()}
            notice={notice()?.stage === d().summary.stage ? (notice()?.text ?? null) : null}
            refusal={refusal()}
            onChanged={changed}
            onRefused={(action, message) => {
              setNotice(null);
              setRefusal({ action, message });
              void refetch();
            }}
          />
        )}
      </Match>
      <Match when={true}>
        <Loading label="Загружаем обращение…" />
      </Match>
    </Switch>
  );
}
