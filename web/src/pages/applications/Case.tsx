// The applicant's application page: status, stage timeline with the terms,
// the actions open now, documents and history. Refreshed by live events.
import { CASE_PAGE_WORDS } from '../../features/cases/page-words';
import { useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { STAGE_DEFINITIONS } from '../../../../domain/application';
import { ApplicationSummaryCard, ApplicationTitle, CaseActions, CaseStatusChip, CaseHeader, CasePage, DocumentsCard, HistoryCard, InvoiceCard, PaymentScheduleCard, PenaltyCard, StageTimeline, type CaseOutcome } from '../../features/cases';
import { afterActionText, tuTermInput, type ApplicantCase } from '../../features/cases/wording';
import { unread } from '../../notifications';
import { trpc } from '../../trpc';
import { Card, Muted } from '../../ui';
import { SupplierStageCard } from '../../features/supplier/SupplierStageCard';
import { ApplicantActions } from './ApplicantActions';
import { ConversationCard } from '../../features/conversation/ConversationCard';

function BankPaymentNote(props: { inParts: boolean }) {
  return (
    <Card title="Оплата счёта" level={3}>
      <p style={{ margin: 0 }}>
        {props.inParts
          ? 'Внесите первый платёж по графику (он указан в счёте и в QR-коде) по реквизитам из документа «Счёт на оплату» в разделе «Документы». Оплату подтверждает банк или сотрудник сетевой организации; после первого платежа договор считается заключённым, остальные платежи — по графику.'
          : 'Оплатите счёт по реквизитам из документа «Счёт на оплату» в разделе «Документы». Оплату подтверждает банк или сотрудник сетевой организации; после этого договор считается заключённым, а статус заявки изменится.'}
      </p>
    </Card>
  );
}

function CaseBody(props: { data: ApplicantCase; form: Record<string, unknown> | null; outcome: CaseOutcome }) {
  const s = () => props.data.summary;
  const terms = () => ({ publicBuyer: props.form?.publicBuyer === true, tu: tuTermInput(props.form, props.data.events) });
  return (
    <div class="stack stack--lg">
      <CaseHeader
        title={<ApplicationTitle number={s().number} />}
        description={`${s().objectName}, ${s().objectAddress}`}
        status={<CaseStatusChip summary={s()} />}
        backHref="/applications"
        backLabel="← Все заявки"
      />
      <ApplicationSummaryCard summary={s()} viewer="applicant" />
      <PenaltyCard summary={s()} viewer="applicant" />
      <InvoiceCard invoice={props.data.invoice} viewer="applicant" />
      <PaymentScheduleCard schedule={s().paymentSchedule} viewer="applicant" />
      <SupplierStageCard track={s().supplierTrack} viewer="applicant" />

      <CaseActions titleId="case-actions-title" outcome={props.outcome} open={props.data.actions}>
        <Show when={s().stage === 'awaitingPayment' && props.data.paymentsMode !== 'test'}>
          <BankPaymentNote inParts={Boolean(s().paymentSchedule)} />
        </Show>
        <Show
          when={props.data.actions.length}
          fallback={<Muted>{STAGE_DEFINITIONS[s().stage].final ? 'Заявка закрыта: действий по ней нет.' : 'Сейчас от вас ничего не требуется: этап выполняет сетевая организация.'}</Muted>}
        >
          <ApplicantActions
            caseId={s().id}
            number={s().number}
            events={props.data.events}
            schedule={s().paymentSchedule}
            actions={props.data.actions}
            paymentsMode={props.data.paymentsMode}
            onDone={(_action, view) => {
              props.outcome.done(`Готово. ${afterActionText(view.stage)}.`);
              unread.refresh();
            }}
            onRefused={props.outcome.refused}
          />
        </Show>
      </CaseActions>

      <Card title="Ход рассмотрения">
        <StageTimeline summary={s()} events={props.data.events} viewer="applicant" terms={terms()} />
      </Card>

      <DocumentsCard documents={props.data.documents} category={s().category} />
      <ConversationCard caseId={s().id} />
      <HistoryCard events={props.data.events} />
    </div>
  );
}

export default function ApplicationCasePage() {
  const params = useParams();
  // The filed form (the draft row keeps it): the terms of some stages depend on it.
  const [filed, { refetch: refetchForm }] = createResource(
    () => params.id,
    (id) => trpc.applications.draft.query({ id }).catch(() => null),
  );
  const filedForm = () => (filed.state === 'ready' || filed.state === 'refreshing' ? (filed.latest?.form ?? null) : null);
  return (
    <CasePage load={(id) => trpc.applications.get.query({ id })} onResync={() => void refetchForm()} words={CASE_PAGE_WORDS.application}>
      {(data, outcome) => <CaseBody data={data()} form={filedForm()} outcome={outcome} />}
    </CasePage>
  );
}
