// Which steps an application's timeline shows and in what state: the main path
// of the procedure, the missing-data branch when it was taken, and where an
// annulled or withdrawn case stopped. Pure, so the procedure table can feed it.
import { MAIN_PATH, type Stage } from '../../../../domain/application';
import type { CaseEvent } from './wording';

export type StepState = 'done' | 'current' | 'upcoming' | 'skipped' | 'stopped';

export interface Step {
  stage: Stage;
  state: StepState;
  /** When the case last entered this stage. */
  at: string | null;
  branch: boolean;
}

/** The stage entries of the history: events that moved the case (system reminders carry no `from`). */
function entries(events: readonly CaseEvent[]): Map<string, string> {
  const at = new Map<string, string>();
  for (const event of events) if ('from' in event.data) at.set(event.stage, event.at);
  return at;
}

export function buildSteps(current: Stage, events: readonly CaseEvent[]): Step[] {
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
