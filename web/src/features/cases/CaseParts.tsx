// Pieces of a case shown to both the applicant and the staff: status chip,
// deadline, stage timeline, documents, history. The timeline, documents and
// history are shared by applications and appeals; the step lists differ.
import { A } from '@solidjs/router';
import { createMemo, createUniqueId, For, Show, type JSX } from 'solid-js';
import { MAIN_PATH, STAGE_DEFINITIONS, type Stage } from '../../../../domain/application';
import { formatTerm, REGULATIONS } from '../../../../domain/regulations';
import {
  actorLabel,
  deadlineView,
  shortSha,
  stageTerm,
  stageTitle,
  standardDocumentLinks,
  statusChip,
  whoActsLabel,
  type ApplicationSummary,
  type CaseDocument,
  type CaseEvent,
  type TermContext,
  type Viewer,
} from './wording';
import { now } from '../../clock';
import { Card, StatusChip } from '../../ui';
import { formatBytes, formatDate, formatDateTime, formatRub } from '../../ui/format';

type SummaryBits = Pick<ApplicationSummary, 'stage' | 'statusLabel' | 'status' | 'overdue' | 'whoActs'>;

export function CaseStatusChip(props: { summary: SummaryBits }) {
  const chip = () => statusChip(props.summary);
  return <StatusChip tone={chip().tone}>{chip().text}</StatusChip>;
}

/** «05.12.2026 — осталось 3 дн.» or «просрочено»; a dash when the stage has no deadline. */
/** The «Номер» cell of a case list: the number linking to the case, and the date it was filed. */
export function CaseNumberCell(props: { href: string; number: string; filedAt?: string }) {
  return (
    <td data-label="Номер">
      <A href={props.href} class="case-link">
        {props.number}
      </A>
      <Show when={props.filedAt}>{(at) => <div class="muted small">от {formatDate(at())}</div>}</Show>
    </td>
  );
}

export function DeadlineText(props: { deadlineAt: string | null; overdue?: boolean }) {
  const view = () => deadlineView(props.deadlineAt, now());
  return (
    <Show when={view()} fallback={<span class="muted">—</span>}>
      {(d) => (
        <span class="deadline">
          <span>{d().date}</span>{' '}
          <span class={d().late || props.overdue ? 'deadline__left deadline__left--late' : 'deadline__left'}>{d().late ? 'просрочено' : d().left}</span>
        </span>
      )}
    </Show>
  );
}

// --- timeline ------------------------------------------------------------------------

export type StepState = 'done' | 'current' | 'upcoming' | 'skipped' | 'stopped';

interface Step {
  stage: Stage;
  state: StepState;
  /** When the case last entered this stage. */
  at: string | null;
  branch: boolean;
}

const STATE_WORDS: Record<StepState, string> = {
  done: 'Выполнен',
  current: 'Текущий этап',
  upcoming: 'Предстоит',
  skipped: 'Не выполнялся',
  stopped: 'Завершено',
};

/** The stage entries of the history: events that moved the case (system reminders carry no `from`). */
function entries(events: readonly CaseEvent[]): Map<string, string> {
  const at = new Map<string, string>();
  for (const event of events) if ('from' in event.data) at.set(event.stage, event.at);
  return at;
}

function buildSteps(current: Stage, events: readonly CaseEvent[]): Step[] {
  const entered = entries(events);
  const path: Array<{ stage: Stage; branch: boolean }> = [];
  for (const stage of MAIN_PATH) {
    path.push({ stage, branch: false });
    if (stage === 'completenessCheck' && (current === 'awaitingMissingData' || entered.has('awaitingMissingData'))) path.push({ stage: 'awaitingMissingData', branch: true });
  }
  const stoppedEarly = current === 'annulled' || current === 'withdrawn';
  if (stoppedEarly) {
    // The case ends right after the last stage it reached.
    let last = -1;
    path.forEach((p, i) => {
      if (entered.has(p.stage)) last = i;
    });
    path.splice(last + 1, 0, { stage: current, branch: false });
  }
  const currentIndex = path.findIndex((p) => p.stage === current);
  return path.map((p, i) => {
    const at = entered.get(p.stage) ?? null;
    let state: StepState;
    if (current === 'completed') state = 'done';
    else if (i === currentIndex) state = stoppedEarly ? 'stopped' : 'current';
    else if (i < currentIndex) state = at ? 'done' : 'skipped';
    // A past request for missing data stays done after the case came back to the check.
    else if (p.branch && at) state = 'done';
    else state = stoppedEarly ? 'skipped' : 'upcoming';
    return { ...p, state, at };
  });
}

function TermNote(props: { stage: Stage; terms: TermContext }) {
  const regulation = () => stageTerm(props.stage, props.terms);
  return (
    <Show
      when={regulation()}
      fallback={
        <Show when={props.stage === 'tuFulfilment'}>
          <p class="timeline__term">
            Срок по регламенту определяется техническими условиями: от 30 рабочих дней до 2 лет со дня заключения договора.{' '}
            <span class="timeline__source">Источник: {REGULATIONS.tuFulfilment30wd.source}.</span>
          </p>
        </Show>
      }
    >
      {(r) => (
        <p class="timeline__term" title={r().note}>
          Срок по регламенту: {formatTerm(r())} {r().from}. <span class="timeline__source">Источник: {r().source}.</span>
        </p>
      )}
    </Show>
  );
}

/** One step of a timeline as drawn: the procedure decides the steps, this decides the look. */
export interface TimelineStep {
  key: string;
  title: string;
  /** The text in the circle: the step number, ✓ when done, × when stopped. */
  marker: string;
  state: StepState;
  /** When the case last entered this step. */
  at: string | null;
  branch: boolean;
  /** Replaces the generic state word (e.g. «Аннулирована» for a stopped step). */
  stateWord?: string;
}

export function Timeline(props: {
  label: string;
  steps: readonly TimelineStep[];
  overdue: boolean;
  /** What the current step says: its deadline and who acts. */
  now: () => JSX.Element;
  /** Notes under a step (its statutory term, a reason). */
  details?: (step: TimelineStep) => JSX.Element;
}) {
  return (
    <ol class="timeline" aria-label={props.label}>
      <For each={props.steps}>
        {(step) => (
          <li
            class={`timeline__step timeline__step--${step.state}`}
            classList={{ 'timeline__step--branch': step.branch, 'timeline__step--overdue': step.state === 'current' && props.overdue }}
            aria-current={step.state === 'current' || step.state === 'stopped' ? 'step' : undefined}
          >
            <span class="timeline__marker" aria-hidden="true">
              {step.marker}
            </span>
            <div class="timeline__body">
              <p class="timeline__title">{step.title}</p>
              <p class="timeline__state">
                <span class="timeline__state-word">{step.stateWord ?? STATE_WORDS[step.state]}</span>
                <Show when={step.at && step.state !== 'upcoming'}>
                  <span class="muted">
                    {' '}
                    · {step.state === 'current' ? 'с ' : ''}
                    {formatDateTime(step.at)}
                  </span>
                </Show>
              </p>
              <Show when={step.state === 'current'}>
                <div class="timeline__now">{props.now()}</div>
              </Show>
              {props.details?.(step)}
            </div>
          </li>
        )}
      </For>
    </ol>
  );
}

/** The current step's deadline, its violation and who acts now. */
export function CurrentTerm(props: { deadlineAt: string | null; deadlineTerm: string | null; overdue: boolean; overdueSince?: string | null; whoActs: string; deadlineLabel?: string }) {
  const deadline = () => deadlineView(props.deadlineAt, now());
  return (
    <>
      <Show when={deadline()}>
        {(d) => (
          <p classList={{ 'timeline__deadline--late': d().late || props.overdue }}>
            {props.deadlineLabel ?? 'Срок этапа'}: до {d().dateTime}
            <Show when={props.deadlineTerm}> ({props.deadlineTerm})</Show> — <strong>{d().left}</strong>
          </p>
        )}
      </Show>
      <Show when={props.overdue}>
        <p class="timeline__deadline--late">
          <strong>Срок нарушен сетевой организацией</strong>
          <Show when={props.overdueSince}> {formatDateTime(props.overdueSince)} (мск)</Show>. Нарушение передано руководителю.
        </p>
      </Show>
      <p>
        Действует: <strong>{props.whoActs}</strong>
      </p>
    </>
  );
}

export function StageTimeline(props: { summary: ApplicationSummary; events: readonly CaseEvent[]; viewer: Viewer; terms: TermContext }) {
  const steps = createMemo(() =>
    buildSteps(props.summary.stage, props.events).map((step): TimelineStep & { stage: Stage } => ({
      key: step.stage,
      stage: step.stage,
      title: STAGE_DEFINITIONS[step.stage].title,
      marker: step.state === 'done' ? '✓' : step.state === 'stopped' ? '×' : STAGE_DEFINITIONS[step.stage].step,
      state: step.state,
      at: step.at,
      branch: step.branch,
      stateWord: step.state === 'stopped' ? (step.stage === 'annulled' ? 'Аннулирована' : 'Отозвана') : undefined,
    })),
  );
  const stageOf = (key: string) => steps().find((s) => s.key === key)?.stage;
  return (
    <Timeline
      label="Этапы рассмотрения заявки"
      steps={steps()}
      overdue={props.summary.overdue}
      now={() => (
        <CurrentTerm
          deadlineAt={props.summary.deadlineAt}
          deadlineTerm={props.summary.deadlineTerm}
          overdue={props.summary.overdue}
          overdueSince={props.summary.overdueSince}
          whoActs={whoActsLabel(props.summary.whoActs, props.viewer)}
        />
      )}
      details={(step) => (
        <>
          <Show when={step.state === 'stopped' && props.summary.annulReason}>
            <p>Причина: {props.summary.annulReason}</p>
          </Show>
          <Show when={step.state !== 'skipped' && step.state !== 'stopped' ? stageOf(step.key) : undefined}>{(stage) => <TermNote stage={stage()} terms={props.terms} />}</Show>
        </>
      )}
    />
  );
}

// --- documents -------------------------------------------------------------------------

export function DocumentRow(props: { title: string; meta: string; href: string; sha256?: string; filename?: string }) {
  const titleId = createUniqueId();
  return (
    <li class="doc">
      <div class="doc__main">
        <p class="doc__title" id={titleId}>
          {props.title}
        </p>
        <p class="doc__meta">
          <Show when={props.filename}>
            <span>{props.filename}</span>
            {' · '}
          </Show>
          {props.meta}
          <Show when={props.sha256}>
            {(sha) => (
              <>
                {' · '}SHA-256: <code class="doc__sha" title={sha()}>{shortSha(sha())}</code>
              </>
            )}
          </Show>
        </p>
      </div>
      {/* `download` keeps the SPA router from taking the link as a page of its own (it would show «not found»). */}
      <a class="btn btn--secondary btn--small doc__download" href={props.href} download="" aria-describedby={titleId}>
        Скачать
      </a>
    </li>
  );
}

export function DocumentsCard(props: {
  documents: readonly CaseDocument[];
  /** The applicant category of an application: adds its standard documents. */
  category?: string;
  /** Groups another way than by application stage (an appeal groups by who sent the file). */
  groupTitle?: (doc: CaseDocument) => string;
  empty?: string;
}) {
  const groups = createMemo(() => {
    if (props.groupTitle) {
      const byTitle = new Map<string, CaseDocument[]>();
      for (const doc of props.documents) {
        const title = props.groupTitle(doc);
        byTitle.set(title, [...(byTitle.get(title) ?? []), doc]);
      }
      return [...byTitle.entries()].map(([title, docs]) => ({ title, docs }));
    }
    const byStage = new Map<string, CaseDocument[]>();
    for (const doc of props.documents) {
      const key = doc.stage ?? '';
      byStage.set(key, [...(byStage.get(key) ?? []), doc]);
    }
    // The applicant's own files first, then the grid's documents in the order of the procedure.
    return [...byStage.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0)).map(([stage, docs]) => ({ title: stageTitle(stage || null), docs }));
  });
  return (
    <Card title="Документы">
      <div class="stack">
        <For each={groups()}>
          {(group) => (
            <section class="doc-group">
              <h3 class="doc-group__title">{group.title}</h3>
              <ul class="doc-list">
                <For each={group.docs}>
                  {(doc) => <DocumentRow title={doc.title} filename={doc.filename} meta={`${formatDateTime(doc.createdAt)} · ${formatBytes(doc.size)}`} href={`/api/documents/${doc.id}`} sha256={doc.sha256} />}
                </For>
              </ul>
            </section>
          )}
        </For>
        <Show when={props.category}>
          {(category) => (
            <section class="doc-group">
              <h3 class="doc-group__title">Типовые документы</h3>
              <ul class="doc-list">
                <For each={standardDocumentLinks(category())}>{(doc) => <DocumentRow title={doc.title} meta="PDF, для вашей категории заявителя" href={doc.href} />}</For>
              </ul>
            </section>
          )}
        </Show>
        <Show when={!props.category && !props.documents.length}>
          <p class="muted" style={{ margin: 0 }}>
            {props.empty ?? 'Документов нет.'}
          </p>
        </Show>
      </div>
    </Card>
  );
}

// --- history ------------------------------------------------------------------------------

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** What the history shows of an event; applications and appeals both have these fields. */
export type HistoryEvent = Pick<CaseEvent, 'seq' | 'at' | 'title' | 'actorName' | 'actorRole' | 'comment' | 'data'>;

/** The details an action carried, in words: what was asked, paid, found. */
export function EventDetails(props: { event: HistoryEvent }) {
  const input = (): Record<string, unknown> => {
    const raw = props.event.data.input;
    return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  };
  const items = () => {
    const raw = input().items;
    return Array.isArray(raw) ? raw.filter((i): i is string => typeof i === 'string') : [];
  };
  const lines = () => {
    const i = input();
    const out: Array<[string, string]> = [];
    const add = (label: string, value: string | null) => value && out.push([label, value]);
    add('Пояснение', textOf(i.explanation));
    add('Причина', textOf(i.reason));
    if (typeof i.invoiceAmountRub === 'number') add('Сумма счёта', formatRub(i.invoiceAmountRub));
    add('Точка присоединения', textOf(i.connectionPoint));
    if (typeof i.constructionNeeded === 'boolean') add('Требуется строительство', i.constructionNeeded ? 'да' : 'нет');
    add('Мероприятия по ТУ', textOf(i.tuRequirements));
    add('Платёжный документ', textOf(i.paymentReference));
    if (typeof i.passed === 'boolean') add('Результат осмотра', i.passed ? 'технические условия выполнены' : 'есть замечания');
    add('Замечания', textOf(i.remarks));
    add('Прибор учёта', [textOf(i.meterType), textOf(i.meterNumber) ? `№ ${String(i.meterNumber)}` : null].filter(Boolean).join(', ') || null);
    if (Array.isArray(i.attachments) && i.attachments.length) add('Приложено файлов', String(i.attachments.length));
    return out;
  };
  return (
    <>
      <Show when={items().length}>
        <div class="history__detail">
          Запрошено:
          <ul class="plain-list">
            <For each={items()}>{(item) => <li>{item}</li>}</For>
          </ul>
        </div>
      </Show>
      <For each={lines()}>
        {([label, value]) => (
          <p class="history__detail">
            {label}: {value}
          </p>
        )}
      </For>
    </>
  );
}

export function HistoryCard(props: { events: readonly HistoryEvent[] }) {
  // Newest first: what happened last is what one looks for.
  const events = createMemo(() => [...props.events].reverse());
  return (
    <Card title="История">
      <ol class="history">
        <For each={events()}>
          {(event) => (
            <li class="history__item">
              <p class="history__when">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </p>
              <p class="history__title">{event.title}</p>
              <p class="history__actor">{actorLabel(event)}</p>
              <Show when={event.comment}>
                <p class="history__comment">Комментарий: {event.comment}</p>
              </Show>
              <EventDetails event={event} />
            </li>
          )}
        </For>
      </ol>
    </Card>
  );
}
