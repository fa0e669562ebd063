// The applicant's application page: status, stage timeline with the terms,
// the actions open now, documents and history. Refreshed by live events.
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { CATEGORY_LABELS, STAGE_DEFINITIONS, type ApplicantAction, type Category } from '../../../../domain/application';
import { afterActionText, tuTermInput, whoActsLabel, type ApplicantCase } from '../../features/cases/wording';
import { CaseStatusChip, DeadlineText, DocumentsCard, HistoryCard, StageTimeline } from '../../features/cases/CaseParts';
import { concernsCase, onLive } from '../../live';
import { unread } from '../../notifications';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Card, EmptyState, Loading, PageHeader } from '../../ui';
import { formatDateTime, formatNumber } from '../../ui/format';
import { ApplicantActions, type CaseView } from './ApplicantActions';
import { LoadError } from '../../components/LoadError';

function categoryLabel(category: string): string {
  return category in CATEGORY_LABELS ? CATEGORY_LABELS[category as Category] : category;
}

function BankPaymentNote() {
  return (
    <Card title="Оплата счёта" level={3}>
      <p style={{ margin: 0 }}>
        Оплатите счёт по реквизитам из документа «Счёт на оплату» в разделе «Документы». Оплату подтверждает банк или сотрудник сетевой организации; после этого договор считается заключённым, а статус заявки изменится.
      </p>
    </Card>
  );
}

interface Refusal {
  action: ApplicantAction;
  message: string;
}

function CaseBody(props: {
  data: ApplicantCase;
  form: Record<string, unknown> | null;
  notice: string | null;
  refusal: Refusal | null;
  onChanged: (action: ApplicantAction, view: CaseView) => void;
  onRefused: (action: ApplicantAction, message: string) => void;
}) {
  const s = () => props.data.summary;
  const terms = () => ({ publicBuyer: props.form?.publicBuyer === true, tu: tuTermInput(props.form, props.data.events) });
  return (
    <div class="stack stack--lg">
      <PageHeader
        title={
          <>
            Заявка <span class="case-number">{s().number}</span>
          </>
        }
        description={`${s().objectName}, ${s().objectAddress}`}
        actions={<CaseStatusChip summary={s()} />}
      />
      <p class="muted small" style={{ margin: 0 }}>
        <A href="/applications">← Все заявки</A>
      </p>

      <Card title="Сводка">
        <dl class="dl">
          <dt>Этап</dt>
          <dd>{s().stageTitle}</dd>
          <dt>Статус</dt>
          <dd>
            <CaseStatusChip summary={s()} />
          </dd>
          <Show when={s().deadlineAt}>
            <dt>Срок этапа</dt>
            <dd>
              <DeadlineText deadlineAt={s().deadlineAt} overdue={s().overdue} />
            </dd>
          </Show>
          <Show when={!STAGE_DEFINITIONS[s().stage].final}>
            <dt>Действует</dt>
            <dd>{whoActsLabel(s().whoActs, 'applicant')}</dd>
          </Show>
          <dt>Подана</dt>
          <dd>{formatDateTime(s().submittedAt)} (мск)</dd>
          <dt>Категория</dt>
          <dd>{categoryLabel(s().category)}</dd>
          <dt>Максимальная мощность</dt>
          <dd>{formatNumber(s().maxPowerKw)} кВт</dd>
          <Show when={s().contractConcludedAt}>
            <dt>Договор заключён</dt>
            <dd>{formatDateTime(s().contractConcludedAt)} (мск)</dd>
          </Show>
          <Show when={s().finishedAt}>
            <dt>Завершена</dt>
            <dd>{formatDateTime(s().finishedAt)} (мск)</dd>
          </Show>
        </dl>
      </Card>

      <section class="stack" aria-labelledby="case-actions-title">
        <h2 id="case-actions-title" class="section-title">
          Действия
        </h2>
        <Show when={props.notice}>
          <Alert tone="success">{props.notice}</Alert>
        </Show>
        {/* A refused action whose form is gone (the case moved on) still says why. */}
        <Show when={props.refusal && !props.data.actions.includes(props.refusal.action) ? props.refusal : null}>
          {(r) => <Alert tone="error">{r().message}</Alert>}
        </Show>
        <Show when={s().stage === 'awaitingPayment' && props.data.paymentsMode !== 'test'}>
          <BankPaymentNote />
        </Show>
        <Show
          when={props.data.actions.length}
          fallback={<p class="muted">{STAGE_DEFINITIONS[s().stage].final ? 'Заявка закрыта: действий по ней нет.' : 'Сейчас от вас ничего не требуется: этап выполняет сетевая организация.'}</p>}
        >
          <ApplicantActions caseId={s().id} number={s().number} events={props.data.events} actions={props.data.actions} paymentsMode={props.data.paymentsMode} onDone={props.onChanged} onRefused={props.onRefused} />
        </Show>
      </section>

      <Card title="Ход рассмотрения">
        <StageTimeline summary={s()} events={props.data.events} viewer="applicant" terms={terms()} />
      </Card>

      <DocumentsCard documents={props.data.documents} category={s().category} />
      <HistoryCard events={props.data.events} />
    </div>
  );
}

export default function ApplicationCasePage() {
  const params = useParams();
  const [data, { refetch }] = createResource(
    () => params.id,
    (id) => trpc.applications.get.query({ id }),
  );
  // The filed form (the draft row keeps it): the terms of some stages depend on it.
  const [filed, { refetch: refetchForm }] = createResource(
    () => params.id,
    (id) => trpc.applications.draft.query({ id }).catch(() => null),
  );
  const [notice, setNotice] = createSignal<string | null>(null);
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);

  onLive((event) => {
    if (!concernsCase(event, params.id ?? '')) return;
    void refetch();
    if (event.kind === 'resync') void refetchForm();
  });

  function changed(_action: ApplicantAction, view: CaseView) {
    setRefusal(null);
    setNotice(`Готово. ${afterActionText(view.stage)}.`);
    void refetch();
    unread.refresh();
  }

  const filedForm = () => (filed.state === 'ready' || filed.state === 'refreshing' ? (filed.latest?.form ?? null) : null);
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
          <PageHeader title="Заявка не найдена" />
          <EmptyState icon="search" title="Такой заявки нет среди ваших" action={<A href="/applications">К списку заявок</A>}>
            Проверьте ссылку или откройте заявку из списка поданных заявок.
          </EmptyState>
        </div>
      </Match>
      <Match when={data.state === 'errored'}>
        <div class="stack stack--lg">
          <PageHeader title="Заявка" />
          <LoadError title="Не удалось загрузить заявку" error={data.error} onRetry={refetch} />
        </div>
      </Match>
      <Match when={current()}>
        {(d) => (
          <CaseBody
            data={d()}
            form={filedForm()}
            notice={notice()}
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
        <Loading label="Загружаем заявку…" />
      </Match>
    </Switch>
  );
}
