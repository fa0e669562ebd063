// Which steps an application's timeline shows and in what state: the main path
// of the procedure, the missing-data branch when it was taken, and the way out
// an annulled, withdrawn or terminated case took — all read off the procedure table. Pure.
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
  // The way out of the procedure — annulment, withdrawal, or after the contract its termination and
  // end — is drawn right after the last stage the case reached, in the order the case went through it.
  const onPath = new Set<Stage>([...mainPath, ...sideStages.map(([side]) => side)]);
  const exit = (Object.keys(stages) as Stage[])
    .filter((s) => !onPath.has(s) && (s === current || entered.has(s)))
    .sort((a, b) => (entered.get(a) ?? '\uffff').localeCompare(entered.get(b) ?? '\uffff'));
  const leaving = exit.length > 0;
  if (leaving) {
    let last = -1;
    path.forEach((p, i) => {
      if (entered.has(p.stage)) last = i;
    });
    path.splice(last + 1, 0, ...exit.map((stage) => ({ stage, branch: false })));
  }
  const ended = (stages[current] as StageRow<string>).final === true;
  const currentIndex = path.findIndex((p) => p.stage === current);
  return path.map((p, i) => {
    const at = entered.get(p.stage) ?? null;
    let state: StepState;
    if (current === 'completed') state = 'done';
    else if (i === currentIndex) state = ended ? 'stopped' : 'current';
    else if (i < currentIndex) state = at ? 'done' : 'skipped';
    // A past request for missing data stays done after the case came back to the check.
    else if (p.branch && at) state = 'done';
    else state = leaving ? 'skipped' : 'upcoming';
    return { ...p, state, at };
  });
}
