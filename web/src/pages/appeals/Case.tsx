// The applicant's appeal page: status and answer term, the actions open now,
// the appeal's text, the conversation with the answer, the stage timeline and
// the documents. Refreshed by live events.
import { CASE_PAGE_WORDS } from '../../features/cases/page-words';
import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { APPEAL_APPLICANT_ACTIONS, APPEAL_KIND_LABELS, APPEAL_STAGE_DEFINITIONS, APPEAL_TOPIC_LABELS } from '../../../../domain/appeal';
import { MAX_PAGE_SIZE } from '../../../../domain/lists';
import { AppealDocuments, AppealStatusChip, AppealTextCard, AppealTimeline, Conversation } from '../../features/appeals/AppealParts';
import { AppealSummaryCard } from '../../features/appeals/AppealSummaryCard';
import { afterAppealActionText, labelOf, type ApplicantAppeal } from '../../features/appeals/wording';
import { CaseActions, CaseHeader, casePage, type CaseOutcome } from '../../features/cases';
import { unread } from '../../notifications';
import { trpc } from '../../trpc';
import { Card, Muted } from '../../ui';
import { AppealApplicantActions } from './ApplicantActions';
import { ConversationCard } from '../../features/conversation/ConversationCard';

/** The linked application's number, when it is among the user's applications. */
function LinkedApplication(props: { id: string }) {
  const [apps] = createResource(() => trpc.applications.list.query({ limit: MAX_PAGE_SIZE }).then((page) => page.items).catch(() => []));
  const number = () => (apps.state === 'ready' ? apps().find((a) => a.id === props.id)?.number : undefined);
  return <A href={`/applications/${props.id}`}>{number() ?? 'Открыть заявку'}</A>;
}

function AppealBody(props: { data: ApplicantAppeal; outcome: CaseOutcome }) {
  const s = () => props.data.summary;
  const final = () => APPEAL_STAGE_DEFINITIONS[s().stage].final === true;
  return (
    <div class="stack stack--lg">
      <CaseHeader
        title={`Обращение ${s().number}`}
        description={`${labelOf(APPEAL_TOPIC_LABELS, s().topic)} · ${labelOf(APPEAL_KIND_LABELS, s().kind)}`}
        status={<AppealStatusChip summary={s()} />}
        backHref="/appeals"
        backLabel="← Все обращения"
      />
      <AppealSummaryCard summary={s()} viewer="applicant" linkedApplication={(id) => <LinkedApplication id={id} />} />

      <CaseActions titleId="appeal-actions-title" outcome={props.outcome} open={props.data.actions}>
        <Show
          when={props.data.actions.length}
          fallback={<Muted>{final() ? 'Обращение закрыто: действий по нему нет.' : 'Сейчас от вас ничего не требуется: обращение рассматривает сетевая организация.'}</Muted>}
        >
          <AppealApplicantActions
            appealId={s().id}
            events={props.data.events}
            actions={props.data.actions}
            onDone={(action, view) => {
              props.outcome.done(`Выполнено: «${APPEAL_APPLICANT_ACTIONS[action].label}». ${afterAppealActionText(view.stage)}.`, view.stage);
              unread.refresh();
            }}
            onRefused={props.outcome.refused}
          />
        </Show>
      </CaseActions>

      <AppealTextCard text={props.data.text} contractNumber={props.data.contractNumber} problemTime={props.data.problemTime} registeredAt={s().registeredAt} events={props.data.events} documents={props.data.documents} />
      <Conversation events={props.data.events} documents={props.data.documents} viewer="applicant" stage={s().stage} />

      <Card title="Ход рассмотрения">
        <AppealTimeline summary={s()} events={props.data.events} viewer="applicant" />
      </Card>

      <AppealDocuments documents={props.data.documents} viewer="applicant" />
      <ConversationCard caseId={s().id} />
    </div>
  );
}

export default casePage((id) => trpc.appeals.get.query({ id }), CASE_PAGE_WORDS.appeal, AppealBody);
