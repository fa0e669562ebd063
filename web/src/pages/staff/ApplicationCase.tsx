// The staff case page: summary, applicant (identifiers masked), the filed
// form in words, documents, history and the forms of the actions open now.
// Auditors get the same page without actions.
import { CASE_PAGE_WORDS } from '../../features/cases/page-words';
import { Match, Show, Switch } from 'solid-js';
import { APPLICANT_KIND_LABELS, ROLE_LABELS } from '../../../../domain/account';
import { STAFF_ACTIONS, STAGE_DEFINITIONS } from '../../../../domain/application';
import { SupplierStageCard } from '../../features/supplier/SupplierStageCard';
import { ApplicationSummaryCard, ApplicationTitle, CaseActions, CaseHeader, casePage, CaseStatusChip, DocumentsCard, HistoryCard, InvoiceCard, PaymentScheduleCard, PenaltyCard, StageTimeline, type CaseOutcome } from '../../features/cases';
import { formLines } from '../../features/cases/filed-form';
import { afterActionText, tuTermInput, type StaffCase } from '../../features/cases/wording';
import { session } from '../../session';
import { trpc } from '../../trpc';
import { Card, Fact, FactLines, Facts, Muted, SmallNote } from '../../ui';
import { NO_VALUE } from '../../ui/format';
import { StaffActions } from './StaffActions';
import { ConversationCard } from '../../features/conversation/ConversationCard';
import { HolderCard } from '../../features/departments/HolderCard';

/** Why a staff member sees no action forms at this stage. */
function noActionsText(s: StaffCase['summary']): string {
  if (STAGE_DEFINITIONS[s.stage].final) return 'Заявка закрыта: действий по ней нет.';
  if (s.whoActs === 'applicant') return 'Сейчас действует заявитель: действий сотрудника на этом этапе нет.';
  if (s.whoActs === 'both') return 'Стороны выполняют мероприятия по ТУ. Когда заявитель сообщит о выполнении своей части, заявка перейдёт к осмотру.';
  return 'Действий сотрудника на этом этапе нет.';
}

function ApplicantCard(props: { applicant: StaffCase['applicant'] }) {
  return (
    <Card title="Заявитель">
      <Show when={props.applicant} fallback={<Muted>Учётная запись заявителя не найдена.</Muted>}>
        {(a) => (
          <Facts>
            <Fact term={a().kind === 'legal' ? 'Организация' : 'Заявитель'}>{a().displayName}</Fact>
            <Fact term="Контактное лицо" when={a().kind === 'legal'}>
              {[a().lastName, a().firstName, a().middleName].filter(Boolean).join(' ') || NO_VALUE}
            </Fact>
            <Fact term="Вид заявителя">
              <Show when={a().kind} fallback={ROLE_LABELS[a().role]}>
                {(kind) => APPLICANT_KIND_LABELS[kind()]}
              </Show>
            </Fact>
            <Fact term="Электронная почта">{a().email}</Fact>
            <Fact term="Телефон">{a().phone || NO_VALUE}</Fact>
            <Fact term="Почтовый адрес" when={a().postalAddress}>
              {a().postalAddress}
            </Fact>
            <Fact term="СНИЛС" when={a().snilsMasked}>
              {a().snilsMasked}
            </Fact>
            <Fact term="ИНН" when={a().innMasked}>
              {a().innMasked}
            </Fact>
            <Fact term="КПП" when={a().kpp}>
              {a().kpp}
            </Fact>
          </Facts>
        )}
      </Show>
    </Card>
  );
}

function CaseBody(props: { data: StaffCase; outcome: CaseOutcome }) {
  const s = () => props.data.summary;
  const form = () => props.data.form;
  const terms = () => ({ publicBuyer: form().publicBuyer === true, tu: tuTermInput(form(), props.data.events) });
  const auditor = () => session.user()?.role === 'auditor';

  return (
    <div class="stack stack--lg">
      <CaseHeader
        title={<ApplicationTitle number={s().number} />}
        description={`${s().applicantName} · ${s().objectName}`}
        status={<CaseStatusChip summary={s()} />}
        backHref="/staff/applications"
        backLabel="← К очереди заявок"
      />
      <ApplicationSummaryCard summary={s()} viewer="staff" />
      <HolderCard caseId={s().id} number={s().number} holderName={s().holderName} heldSince={s().heldSince} canAct={!auditor()} supervises={props.data.supervises} final={STAGE_DEFINITIONS[s().stage].final === true} />
      <PenaltyCard summary={s()} viewer="staff" />
      <InvoiceCard invoice={props.data.invoice} viewer="staff" />
      <PaymentScheduleCard schedule={s().paymentSchedule} viewer="staff" />
      <SupplierStageCard track={s().supplierTrack} viewer="staff" />

      <CaseActions titleId="staff-actions-title" outcome={props.outcome} open={props.data.actions}>
        <Switch>
          <Match when={auditor()}>
            <Muted>Вы просматриваете заявку как аудитор: действия по заявке недоступны.</Muted>
          </Match>
          <Match when={props.data.actions.length === 0}>
            <Muted>{noActionsText(s())}</Muted>
          </Match>
          <Match when={true}>
            <StaffActions
              caseId={s().id}
              schedule={s().paymentSchedule}
              actions={props.data.actions}
              onDone={(action, view) => props.outcome.done(`Выполнено: «${STAFF_ACTIONS[action].label}». ${afterActionText(view.stage)}.`)}
              onRefused={props.outcome.refused}
            />
          </Match>
        </Switch>
      </CaseActions>

      <Card title="Ход рассмотрения">
        <StageTimeline summary={s()} events={props.data.events} viewer="staff" terms={terms()} />
      </Card>

      <ApplicantCard applicant={props.data.applicant} />

      <Card title="Сведения заявки">
        <Show when={Object.keys(form()).length} fallback={<Muted>Сведения заявки недоступны.</Muted>}>
          <Facts>
            <FactLines lines={formLines(form())} class="preserve-lines" />
          </Facts>
          <SmallNote spaced>Номера документов показаны частично; сверяйте их с приложенной копией.</SmallNote>
        </Show>
      </Card>

      <DocumentsCard documents={props.data.documents} category={s().category} />
      <ConversationCard caseId={s().id} />
      <HistoryCard events={props.data.events} />
    </div>
  );
}

export default casePage((id) => trpc.staffApplications.get.query({ id }), CASE_PAGE_WORDS.staffApplication, CaseBody);
