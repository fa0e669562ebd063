// The staff appeal page: summary, the applicant's contacts, the text, the
// conversation, the actions open to this user, timeline, documents and the
// history with who did what. Auditors get the same page without actions.
import { CASE_PAGE_WORDS } from '../../../features/cases/page-words';
import { ConversationCard } from '../../../features/conversation/ConversationCard';
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { APPEAL_STAFF_ACTIONS, APPEAL_STAGE_DEFINITIONS, APPEAL_TOPIC_LABELS } from '../../../../../domain/appeal';
import { AppealDocuments, AppealStatusChip, AppealTextCard, AppealTimeline, Conversation } from '../../../features/appeals/AppealParts';
import { AppealSummaryCard } from '../../../features/appeals/AppealSummaryCard';
import { afterAppealActionText, labelOf, type StaffAppeal } from '../../../features/appeals/wording';
import { CaseActions, CaseHeader, casePage, HistoryCard, type CaseOutcome } from '../../../features/cases';
import { session } from '../../../session';
import { trpc } from '../../../trpc';
import { Card, Fact, Facts, Muted } from '../../../ui';
import { NO_VALUE } from '../../../ui/format';
import { AppealStaffActions } from './StaffActions';

/** Why this user sees no action forms now. */
function noActionsText(s: StaffAppeal['summary']): string {
  if (session.user()?.role === 'auditor') return 'Вы просматриваете обращение как аудитор: действия недоступны.';
  if (APPEAL_STAGE_DEFINITIONS[s.stage].final) return 'Обращение закрыто: действий по нему нет.';
  if (s.whoActs === 'applicant') return s.stage === 'answered' ? 'Ответ дан: заявитель может подтвердить, что вопрос решён, или оспорить ответ.' : 'Ждём ответа заявителя на уточнение.';
  if (s.assigneeName) return `Обращение рассматривает ${s.assigneeName}: действия доступны исполнителю и руководителю.`;
  return 'Действий сотрудника на этом этапе нет.';
}

function ApplicantCard(props: { name: string; applicant: StaffAppeal['applicant'] }) {
  return (
    <Card title="Заявитель">
      <Facts>
        <Fact term="Заявитель">{props.name}</Fact>
        <Show
          when={props.applicant}
          fallback={
            <Fact term="Контакты" class="muted">
              Учётная запись заявителя не найдена.
            </Fact>
          }
        >
          {(a) => (
            <>
              <Fact term="Электронная почта">
                <a href={`mailto:${a().email}`}>{a().email}</a>
              </Fact>
              <Fact term="Телефон">{a().phone || NO_VALUE}</Fact>
              <Fact term="Почтовый адрес">{a().postalAddress || NO_VALUE}</Fact>
            </>
          )}
        </Show>
      </Facts>
    </Card>
  );
}

function AppealBody(props: { data: StaffAppeal; outcome: CaseOutcome }) {
  const s = () => props.data.summary;
  return (
    <div class="stack stack--lg">
      <CaseHeader
        title={`Обращение ${s().number}`}
        description={`${s().applicantName} · ${labelOf(APPEAL_TOPIC_LABELS, s().topic)}`}
        status={<AppealStatusChip summary={s()} />}
        backHref="/staff/appeals"
        backLabel="← К обращениям"
      />
      <AppealSummaryCard summary={s()} viewer="staff" linkedApplication={(id) => <A href={`/staff/applications/${id}`}>Открыть заявку</A>} />

      {/* What the applicant wrote and what was said since: read before acting. */}
      <AppealTextCard text={props.data.text} contractNumber={props.data.contractNumber} problemTime={props.data.problemTime} registeredAt={s().registeredAt} events={props.data.events} documents={props.data.documents} />
      <Conversation events={props.data.events} documents={props.data.documents} viewer="staff" stage={s().stage} />

      <CaseActions titleId="appeal-staff-actions-title" outcome={props.outcome} open={props.data.actions}>
        <Show when={props.data.actions.length} fallback={<Muted>{noActionsText(s())}</Muted>}>
          <AppealStaffActions
            appeal={props.data}
            onDone={(action, view) => props.outcome.done(`Выполнено: «${APPEAL_STAFF_ACTIONS[action].label}». ${afterAppealActionText(view.stage)}.`, view.stage)}
            onRefused={props.outcome.refused}
          />
        </Show>
      </CaseActions>

      <ApplicantCard name={s().applicantName} applicant={props.data.applicant} />

      <Card title="Ход рассмотрения">
        <AppealTimeline summary={s()} events={props.data.events} viewer="staff" />
      </Card>

      <AppealDocuments documents={props.data.documents} viewer="staff" />
      <ConversationCard caseId={s().id} />
      <HistoryCard events={props.data.events} />
    </div>
  );
}

export default casePage((id) => trpc.staffAppeals.get.query({ id }), CASE_PAGE_WORDS.staffAppeal, AppealBody);
