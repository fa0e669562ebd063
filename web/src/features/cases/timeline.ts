// Which steps an application's timeline shows and in what state: the main path
// of the procedure, the missing-data branch when it was taken, and where an
// annulled or withdrawn case stopped — all read off the procedure table. Pure.
import type { Stage } from '../../../../domain/application';
import { APPLICATION_PROCEDURE } from '../../../../domain/procedures/application';
import type { StageRow } from '../../../../domain/procedures/table';
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
  const { mainPath, branches, stages } = APPLICATION_PROCEDURE;
  const sideStages = Object.entries(branches) as Array<[Stage, Stage]>;
  for (const stage of mainPath) {
    path.push({ stage, branch: false });
    // A side stage of the table (missing data after the check) is drawn where it branches off, once it was taken.
    for (const [side, from] of sideStages) if (from === stage && (current === side || entered.has(side))) path.push({ stage: side, branch: true });
  }
  // A final stage off the main path (annulled, withdrawn) ends the case early.
  const stoppedEarly = (stages[current] as StageRow<string>).final === true && !(mainPath as readonly Stage[]).includes(current);
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
