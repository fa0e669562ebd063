// The stage timeline of a case as drawn: numbered steps with their state, the
// current step's deadline and who acts, each stage's statutory term and source.
// Applications build their steps in timeline.ts; appeals in features/appeals.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { STAGE_DEFINITIONS, type Stage } from '../../../../domain/application';
import { formatTerm, REGULATIONS } from '../../../../domain/regulations';
import { now } from '../../clock';
import { formatDateTime } from '../../ui/format';
import { buildSteps, type StepState } from './timeline';
import { deadlineView, stageTerm, whoActsLabel, type ApplicationSummary, type CaseEvent, type TermContext, type Viewer } from './wording';

const STATE_WORDS: Record<StepState, string> = {
  done: 'Выполнен',
  current: 'Текущий этап',
  upcoming: 'Предстоит',
  skipped: 'Не выполнялся',
  stopped: 'Завершено',
};

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
  const deadline = () => deadlineView(props.deadlineAt, now(), props.deadlineTerm);
  return (
    <>
      <Show when={deadline()}>
        {(d) => (
          <p classList={{ 'timeline__deadline--late': d().late || props.overdue }}>
            {props.deadlineLabel ?? 'Срок этапа'}: до {d().dateTime}
            <Show when={props.deadlineTerm}> ({props.deadlineTerm})</Show>
            <Show when={d().left}> — <strong>{d().left}</strong></Show>
            <Show when={d().provisional}>{(p) => <span class="muted"> ({p()})</span>}</Show>
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
