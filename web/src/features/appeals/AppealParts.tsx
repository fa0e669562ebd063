// Pieces of an appeal shown to both the applicant and the staff: status chip,
// answer deadline, stage timeline, the appeal's text, the conversation and the
// documents. The drawing is the applications' (CaseParts); the words are here.
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { APPEAL_STAGE_DEFINITIONS, type AppealStage } from '../../../../domain/appeal';
import { APPEAL_CLARIFICATION_POLICY, formatTerm, REGULATIONS, type Regulation } from '../../../../domain/regulations';
import { appealChip, appealSteps, appealWhoActs, conversationOf, type AppealDocument, type AppealEvent, type AppealMessage, type AppealStep, type AppealSummary } from './wording';
import type { Viewer } from '../cases/wording';
import { Card, StatusChip } from '../../ui';
import { formatBytes, formatDate, formatDateTime, NO_VALUE } from '../../ui/format';
import { CurrentTerm, DeadlineText, DocumentRow, DocumentsCard, Timeline } from '../cases';
import './appeals.css';

type ChipBits = Pick<AppealSummary, 'statusLabel' | 'stage' | 'overdue' | 'whoActs'>;

export function AppealStatusChip(props: { summary: ChipBits }) {
  const chip = () => appealChip(props.summary);
  return <StatusChip tone={chip().tone}>{chip().text}</StatusChip>;
}

type DeadlineBits = Pick<AppealSummary, 'stage' | 'deadlineAt' | 'deadlineTerm' | 'overdue' | 'answeredAt' | 'answeredLate'>;

/**
 * The answer term as a list cell: its date while it runs, «приостановлен»
 * while the applicant clarifies, and when the answer was given once it was.
 */
export function AppealDeadline(props: { summary: DeadlineBits }) {
  const s = () => props.summary;
  return (
    <Switch fallback={<DeadlineText deadlineAt={s().deadlineAt} deadlineTerm={s().deadlineTerm} overdue={s().overdue} />}>
      <Match when={s().stage === 'answered' || s().stage === 'closed'}>
        <Show when={s().answeredAt} fallback={<span class="muted">{NO_VALUE}</span>}>
          {(at) => (
            <span class="deadline">
              <span>Ответ дан {formatDate(at())}</span>
              <span class={s().answeredLate ? 'deadline__left deadline__left--late' : 'deadline__left'}>{s().answeredLate ? 'с нарушением срока' : 'в срок'}</span>
            </span>
          )}
        </Show>
      </Match>
      <Match when={s().stage === 'clarification'}>
        <span class="muted">Срок приостановлен до ответа на уточнение</span>
      </Match>
    </Switch>
  );
}

// --- timeline ----------------------------------------------------------------------------------

function TermLine(props: { regulation: Regulation; prefix: string }) {
  return (
    <p class="timeline__term" title={props.regulation.note}>
      {props.prefix} {formatTerm(props.regulation)} {props.regulation.from}. <span class="timeline__source">Источник: {props.regulation.source}.</span>
    </p>
  );
}

function StepNote(props: { step: AppealStep }) {
  const visible = () => props.step.state !== 'skipped';
  return (
    <Show when={visible()}>
      <Show when={props.step.stage === 'registered'}>
        <TermLine regulation={REGULATIONS.appealAnswer} prefix="Срок ответа на обращение —" />
      </Show>
      <Show when={props.step.stage === 'clarification' && props.step.state === 'current'}>
        <p class="timeline__term">
          На время ожидания уточнения срок ответа приостановлен и продолжится с оставшегося времени. <span class="timeline__source">Основание: {APPEAL_CLARIFICATION_POLICY.source}.</span>
        </p>
      </Show>
      <Show when={props.step.stage === 'answered' && props.step.state !== 'done'}>
        <TermLine regulation={REGULATIONS.appealAutoClose} prefix="Без реакции заявителя обращение закрывается через" />
      </Show>
    </Show>
  );
}

export function AppealTimeline(props: { summary: AppealSummary; events: readonly AppealEvent[]; viewer: Viewer }) {
  const steps = createMemo(() => appealSteps(props.summary.stage, props.events));
  const s = () => props.summary;
  const deadlineLabel = () => (s().stage === 'answered' ? 'Обращение закроется автоматически' : 'Срок ответа');
  return (
    <Timeline
      label="Этапы рассмотрения обращения"
      steps={steps()}
      overdue={s().overdue}
      now={() => (
        <CurrentTerm
          deadlineAt={s().deadlineAt}
          deadlineTerm={s().stage === 'clarification' ? null : s().deadlineTerm}
          overdue={s().overdue}
          whoActs={appealWhoActs(s().whoActs, props.viewer)}
          deadlineLabel={deadlineLabel()}
        />
      )}
      details={(step) => {
        const appealStep = steps().find((x) => x.key === step.key);
        return <Show when={appealStep}>{(x) => <StepNote step={x()} />}</Show>;
      }}
    />
  );
}

// --- text, conversation, documents -----------------------------------------------------------------

function Attachments(props: { ids: readonly string[]; documents: readonly AppealDocument[] }) {
  const docs = () => props.documents.filter((d) => props.ids.includes(d.id));
  return (
    <Show when={docs().length}>
      <ul class="doc-list message__files" aria-label="Приложенные файлы">
        <For each={docs()}>{(doc) => <DocumentRow title={doc.filename} meta={`${formatDateTime(doc.createdAt)} · ${formatBytes(doc.size)}`} href={`/api/documents/${doc.id}`} />}</For>
      </ul>
    </Show>
  );
}

/** Files that came with no message: those filed with the appeal itself. */
function filedDocuments(messages: readonly AppealMessage[], documents: readonly AppealDocument[]): string[] {
  const inMessages = new Set(messages.flatMap((m) => m.attachmentIds));
  return documents.filter((d) => !inMessages.has(d.id)).map((d) => d.id);
}

export function AppealTextCard(props: { text: string; contractNumber: string; problemTime: string; registeredAt: string; events: readonly AppealEvent[]; documents: readonly AppealDocument[] }) {
  const filed = () => filedDocuments(conversationOf(props.events, 'applicant'), props.documents);
  return (
    <Card title="Текст обращения">
      <div class="stack">
        <p class="appeal-text">{props.text}</p>
        <Show when={props.contractNumber || props.problemTime}>
          <dl class="dl">
            <Show when={props.contractNumber}>
              <dt>Номер договора</dt>
              <dd>{props.contractNumber}</dd>
            </Show>
            <Show when={props.problemTime}>
              <dt>Время возникновения проблемы</dt>
              <dd>{props.problemTime}</dd>
            </Show>
          </dl>
        </Show>
        <Attachments ids={filed()} documents={props.documents} />
        <p class="muted small" style={{ margin: 0 }}>
          Зарегистрировано {formatDateTime(props.registeredAt)} (мск)
        </p>
      </div>
    </Card>
  );
}

export function Conversation(props: { events: readonly AppealEvent[]; documents: readonly AppealDocument[]; viewer: Viewer; stage: AppealStage }) {
  const messages = createMemo(() => conversationOf(props.events, props.viewer));
  const waiting = () => {
    if (APPEAL_STAGE_DEFINITIONS[props.stage].final || props.stage === 'answered') return null;
    if (props.stage === 'clarification') return props.viewer === 'applicant' ? 'Ждём вашего ответа на уточнение.' : 'Ждём ответа заявителя на уточнение.';
    return props.viewer === 'applicant' ? 'Обращение рассматривается: ответ появится здесь.' : 'Ответ ещё не дан.';
  };
  return (
    <Card title="Переписка">
      <div class="stack">
        <Show when={messages().length} fallback={<p class="muted" style={{ margin: 0 }}>Вопросов и ответов пока нет. {waiting()}</p>}>
          <ol class="conversation">
            <For each={messages()}>
              {(m) => (
                <li class={`message message--${m.from} message--${m.kind}`}>
                  <p class="message__heading">
                    <span class="message__title">{m.heading}</span>
                    <span class="message__meta">
                      <time dateTime={m.at}>{formatDateTime(m.at)}</time>
                      <Show when={m.author}> · {m.author}</Show>
                    </span>
                  </p>
                  <Show when={m.text}>
                    <p class="message__text">{m.text}</p>
                  </Show>
                  <Attachments ids={m.attachmentIds} documents={props.documents} />
                </li>
              )}
            </For>
          </ol>
          <Show when={waiting()}>
            <p class="muted small" style={{ margin: 0 }}>
              {waiting()}
            </p>
          </Show>
        </Show>
      </div>
    </Card>
  );
}

export function AppealDocuments(props: { documents: readonly AppealDocument[]; viewer: Viewer }) {
  const fromApplicant = () => (props.viewer === 'applicant' ? 'Ваши файлы' : 'Файлы заявителя');
  return (
    <DocumentsCard
      documents={props.documents}
      groupTitle={(doc) => (doc.source === 'applicant' ? fromApplicant() : 'Файлы сетевой организации')}
      empty="К обращению не приложено файлов."
    />
  );
}
