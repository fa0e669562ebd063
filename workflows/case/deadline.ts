// What happens to the running term when a case enters a stage: the stage's
// term starts (from the procedure table), the running one is kept (a term that
// spans stages), it pauses, or it resumes with an explicit deadline. The
// deadline itself is computed outside the workflow — on the production
// calendar, which may change — and recorded in the history.
import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { formatTerm, type TermSpec } from '../../domain/regulations';
import type { CaseSnapshot, StartingTerm } from './contract';
import { oneAtATime } from './one-at-a-time';
import { since } from './patches';

const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds' });
const deadlineFor = oneAtATime(local.deadlineFor);
const resumeDeadline = oneAtATime(local.resumeDeadline);
const termAtRiskFrom = oneAtATime(local.termAtRiskFrom);

/** A term's end on the production calendar, computed outside the workflow and recorded in its history. */
export const computeDeadline = (startMs: number, term: TermSpec): Promise<number> => deadlineFor(startMs, term);

/** The instant a term ending at `deadlineMs` is at risk (`before` ahead of it on the production calendar), recorded in the history. */
export const computeAtRisk = (deadlineMs: number, before: TermSpec): Promise<number> => termAtRiskFrom(deadlineMs, before);

/** A paused term's end when it resumes with `leftMs` to run: at the end of a working day for day-based terms (ГК РФ ст. 193). */
export const computeResumedDeadline = (resumeAtMs: number, leftMs: number, term: TermSpec): Promise<number> => resumeDeadline(resumeAtMs, leftMs, term);

/**
 * The term at stage entry: start the stage's own (now, or from an earlier
 * event such as the complete application; or ending no later than an outer
 * term such as the connection term), keep the running one, pause it, or
 * resume it until a set instant, or go on overdue after a pause.
 */
export type DeadlineChange = 'start' | { startAt: number } | { startCappedAt: number } | 'keep' | 'pause' | { resumeUntil: number } | 'lapsed';

/** A term that runs now: where it started, and the outer instant it may not pass. */
export interface RunningTerm {
  startMs: number;
  term: TermSpec;
  capAt: number | null;
}

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
  if (change === 'lapsed') {
    // The term ran out before (and was escalated then): no deadline, still overdue.
    s.deadlineAt = null;
    s.deadlineTerm = null;
    s.overdue = true;
    return undefined;
  }
  if (typeof change === 'object' && !('resumeUntil' in change)) return startWithin(s, change, term);
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

/** A term that starts from an earlier instant, or ends no later than an outer one (cases since patch 'obligations-by-party'). */
async function startWithin(s: CaseSnapshot, change: { startAt: number } | { startCappedAt: number }, term: TermSpec | null): Promise<StartingTerm | undefined> {
  s.overdue = false;
  s.overdueSince = null;
  s.deadlineTerm = term ? formatTerm(term) : null;
  if (!term) {
    s.deadlineAt = null;
    return undefined;
  }
  if ('startAt' in change) {
    // The projection computes it, from the earlier start.
    s.deadlineAt = null;
    return { startMs: change.startAt, term };
  }
  s.deadlineAt = Math.min(await deadlineFor(Date.now(), term), change.startCappedAt);
  return undefined;
}
