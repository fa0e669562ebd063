// What happens to the running term when a case enters a stage: the stage's
// term starts (from the procedure table), the running one is kept (a term that
// spans stages), it pauses, or it resumes with an explicit deadline. The
// deadline itself is computed outside the workflow — on the production
// calendar, which may change — and recorded in the history.
import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { formatTerm, type TermSpec } from '../../domain/regulations';
import type { CaseSnapshot, StartingTerm } from './contract';
import { since } from './patches';

const { deadlineFor } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds' });

/** The term at stage entry: start the stage's own, keep the running one, pause it, or resume it until a set instant. */
export type DeadlineChange = 'start' | 'keep' | 'pause' | { resumeUntil: number };

/**
 * Applies the change to the snapshot. A starting term whose deadline the
 * projection can compute (no documents print it, the stage is not final) is
 * returned instead of computed here: one local activity per action, not two.
 */
export async function applyDeadline(
  s: CaseSnapshot,
  change: DeadlineChange,
  term: TermSpec | null,
  at: { now: number; printsDocuments: boolean; final: boolean },
): Promise<StartingTerm | undefined> {
  if (change === 'pause') {
    s.deadlineAt = null;
    s.deadlineTerm = 'срок приостановлен';
    return undefined;
  }
  if (change === 'keep') return undefined;
  const resumeUntil = typeof change === 'object' ? change.resumeUntil : undefined;
  let starting: StartingTerm | undefined;
  // The order of these checks is recorded in histories (the patch marker is written only when a term starts here).
  if (term && resumeUntil === undefined && !at.printsDocuments && !at.final && since('deadline-in-projection')) starting = { startMs: at.now, term };
  s.deadlineAt = resumeUntil ?? (term && !starting ? await deadlineFor(at.now, term) : null);
  s.deadlineTerm = term ? formatTerm(term) : null;
  s.overdue = false;
  s.overdueSince = null;
  return starting;
}
