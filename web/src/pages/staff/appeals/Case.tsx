// The staff appeal page: summary, the applicant's contacts, the text, the
// conversation, the actions open to this user, timeline, documents and the
// history with who did what. Auditors get the same page without actions.
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import {
  ANSWER_CHANNEL_LABELS,
  APPEAL_CHANNEL_LABELS,
  APPEAL_KIND_LABELS,
  APPEAL_STAFF_ACTIONS,
  APPEAL_STAGE_DEFINITIONS,
  APPEAL_TOPIC_LABELS,
  type AppealStaffAction,
} from '../../../../../domain/appeal';
import { afterAppealActionText, appealWhoActs, labelOf, type AppealView, type StaffAppeal } from '../../../features/appeals/wording';
import { AppealDeadline, AppealDocuments, AppealStatusChip, AppealTextCard, AppealTimeline, Conversation } from '../../../features/appeals/AppealParts';
import { HistoryCard } from '../../../features/cases/CaseParts';
import { concernsCase, onLive } from '../../../live';
import { session } from '../../../session';
import { describeApiError, trpc } from '../../../trpc';
import { Alert, Card, EmptyState, Loading, PageHeader } from '../../../ui';
import { formatDateTime, NO_VALUE } from '../../../ui/format';
import { AppealStaffActions } from './StaffActions';
import { LoadError } from '../../../components/LoadError';

interface Refusal {
  action: AppealStaffAction;
  message: string;
}

function NoActions(props: { data: StaffAppeal }) {
  const s = () => props.data.summary;
  const text = () => {
    if (session.user()?.role === 'auditor') return 'Вы просматриваете обращение как аудитор: действия недоступны.';
    if (APPEAL_STAGE_DEFINITIONS[s().stage].final) return 'Обращение закрыто: действий по нему нет.';
    if (s().whoActs === 'applicant') return s().stage === 'answered' ? 'Ответ дан: заявитель может подтвердить, что вопрос решён, или оспорить ответ.' : 'Ждём ответа заявителя на уточнение.';
    if (s().assigneeName) return `Обращение рассматривает ${s().assigneeName}: действия доступны исполнителю и руководителю.`;
    return 'Действий сотрудника на этом этапе нет.';
  };
  return <p class="muted">{text()}</p>;
}

function AppealBody(props: { data: StaffAppeal; notice: string | null; refusal: Refusal | null; onChanged: (action: AppealStaffAction, view: AppealView) => void; onRefused: (action: AppealStaffAction, message: string) => void }) {
  const s = () => props.data.summary;
  const applicant = () => props.data.applicant;
  const final = () => APPEAL_STAGE_DEFINITIONS[s().stage].final === true;

  return (
    <div class="stack stack--lg">
      <PageHeader title={`Обращение ${s().number}`} description={`${s().applicantName} · ${labelOf(APPEAL_TOPIC_LABELS, s().topic)}`} actions={<AppealStatusChip summary={s()} />} />
      <p class="muted small" style={{ margin: 0 }}>
        <A href="/staff/appeals">← К обращениям</A>
      </p>

      <Card title="Сводка">
        <dl class="dl">
          <dt>Тема</dt>
          <dd>{labelOf(APPEAL_TOPIC_LABELS, s().topic)}</dd>
          <dt>Вид</dt>
          <dd>{labelOf(APPEAL_KIND_LABELS, s().kind)}</dd>
          <dt>Статус</dt>
          <dd>
            <AppealStatusChip summary={s()} />
          </dd>
          <dt>Этап</dt>
          <dd>{s().stageTitle}</dd>
          <dt>Срок ответа</dt>
          <dd>
            <AppealDeadline summary={s()} />
            <Show when={s().deadlineAt && s().deadlineTerm && s().stage !== 'answered'}>
              <span class="muted small"> ({s().deadlineTerm}, до {formatDateTime(s().deadlineAt)} мск)</span>
            </Show>
          </dd>
          <Show when={!final()}>
            <dt>Действует</dt>
            <dd>{appealWhoActs(s().whoActs, 'staff')}</dd>
          </Show>
          <dt>Исполнитель</dt>
          <dd>{s().assigneeName ?? 'не назначен'}</dd>
          <dt>Зарегистрировано</dt>
          <dd>{formatDateTime(s().registeredAt)} (мск)</dd>
          <dt>Канал поступления</dt>
          <dd>{labelOf(APPEAL_CHANNEL_LABELS, s().channel)}</dd>
          <dt>Способ получения ответа</dt>
          <dd>{labelOf(ANSWER_CHANNEL_LABELS, s().answerChannel)}</dd>
          <Show when={s().applicationId}>
            {(id) => (
              <>
                <dt>Связанная заявка</dt>
                <dd>
                  <A href={`/staff/applications/${id()}`}>Открыть заявку</A>
                </dd>
              </>
            )}
          </Show>
          <Show when={s().reopened}>
            <dt>Повторное рассмотрение</dt>
            <dd>да: заявитель оспорил ответ</dd>
          </Show>
          <Show when={s().finishedAt}>
            <dt>Закрыто</dt>
            <dd>{formatDateTime(s().finishedAt)} (мск)</dd>
          </Show>
        </dl>
      </Card>

      {/* What the applicant wrote and what was said since: read before acting. */}
      <AppealTextCard text={props.data.text} contractNumber={props.data.contractNumber} problemTime={props.data.problemTime} registeredAt={s().registeredAt} events={props.data.events} documents={props.data.documents} />
      <Conversation events={props.data.events} documents={props.data.documents} viewer="staff" stage={s().stage} />

      <section class="stack" aria-labelledby="appeal-staff-actions-title">
        <h2 id="appeal-staff-actions-title" class="section-title">
          Действия
        </h2>
        <Show when={props.notice}>
          <Alert tone="success">{props.notice}</Alert>
        </Show>
        {/* A refused action whose form is gone (the appeal moved on) still says why. */}
        <Show when={props.refusal && !(props.data.actions as readonly string[]).includes(props.refusal.action) ? props.refusal : null}>
          {(r) => <Alert tone="error">{r().message}</Alert>}
        </Show>
        <Show when={props.data.actions.length} fallback={<NoActions data={props.data} />}>
          <AppealStaffActions appeal={props.data} onDone={props.onChanged} onRefused={props.onRefused} />
        </Show>
      </section>

      <Card title="Заявитель">
        <dl class="dl">
          <dt>Заявитель</dt>
          <dd>{s().applicantName}</dd>
          <Show
            when={applicant()}
            fallback={
              <>
                <dt>Контакты</dt>
                <dd class="muted">Учётная запись заявителя не найдена.</dd>
              </>
            }
          >
            {(a) => (
              <>
                <dt>Электронная почта</dt>
                <dd>
                  <a href={`mailto:${a().email}`}>{a().email}</a>
                </dd>
                <dt>Телефон</dt>
                <dd>{a().phone || NO_VALUE}</dd>
                <dt>Почтовый адрес</dt>
                <dd>{a().postalAddress || NO_VALUE}</dd>
              </>
            )}
          </Show>
        </dl>
      </Card>


      <Card title="Ход рассмотрения">
        <AppealTimeline summary={s()} events={props.data.events} viewer="staff" />
      </Card>

      <AppealDocuments documents={props.data.documents} viewer="staff" />
      <HistoryCard events={props.data.events} />
    </div>
  );
}

export default function StaffAppealCasePage() {
  const params = useParams();
  const [data, { refetch }] = createResource(
    () => params.id,
    (id) => trpc.staffAppeals.get.query({ id }),
  );
  // A notice speaks of the stage the action led to; once the appeal has moved on (live), it would mislead.
  const [notice, setNotice] = createSignal<{ text: string; stage: string } | null>(null);
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  onLive((event) => {
    if (concernsCase(event, params.id ?? '')) void refetch();
  });

  function changed(action: AppealStaffAction, view: AppealView) {
    setRefusal(null);
    setNotice({ text: `Выполнено: «${APPEAL_STAFF_ACTIONS[action].label}». ${afterAppealActionText(view.stage)}.`, stage: view.stage });
    void refetch();
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
          <EmptyState icon="search" title="Такого обращения нет" action={<A href="/staff/appeals">К обращениям</A>}>
            Проверьте ссылку или найдите обращение по номеру.
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
