// The contract every case workflow shares with the activities, the API and
// the audit tools: who acted, what an action sends and answers, the history
// event and the summary a projection stores. Types only flow from here
// outwards: activities and the API import them, never the other way round.
import { defineUpdate } from '@temporalio/workflow';
import type { TermSpec } from '../../domain/regulations';

/** Who performed an action: carried into the history for auditors. */
export interface Actor {
  id: string | null;
  name: string;
  role: 'applicant' | 'staff' | 'admin' | 'bank' | 'system' | 'supplier';
  /** Set by the API for a staff member who supervises the department serving the case's stage (domain/departments.ts): may act on a case another holds. */
  supervisor?: boolean;
  /**
   * Set by the API for an applicant-side actor who is not the case's applicant but may act for it
   * (domain/case-access.ts: an employee of the applicant's organisation, a representative by power of
   * attorney): the applicant's id, which the workflow accepts in place of the actor's own.
   */
  onBehalfOf?: string;
}

/** Whether an applicant-side actor acts as the case's applicant: the applicant, or someone the API let act for them. */
export function actsAsApplicant(actor: Actor, applicantId: string): boolean {
  return actor.id === applicantId || actor.onBehalfOf === applicantId;
}

/** What every action Update carries. */
export interface ActionRequest<I> {
  actor: Actor;
  input: I;
}

/** What an action returns: the case as it is once the read model shows the action's effect. */
export interface CaseView<S extends string = string> {
  stage: S;
  status: string;
  seq: number;
  deadlineAt: number | null;
  overdue: boolean;
}

/** One event of a case's history as the read model stores it. */
export interface CaseEventRecord {
  seq: number;
  type: string;
  stage: string;
  title: string;
  actor: { id: string | null; name: string; role: string } | null;
  comment: string;
  data: Record<string, unknown>;
  deadlineAt: number | null;
  at: number;
}

/** What every case's summary has; each kind adds its own fields. */
export interface CaseSnapshot {
  id: string;
  number: string;
  applicantId: string;
  stage: string;
  status: string;
  whoActs: string;
  stageStartedAt: number;
  deadlineAt: number | null;
  deadlineTerm: string | null;
  overdue: boolean;
  overdueSince: number | null;
  finishedAt: number | null;
}

export interface NotificationRequest {
  /** Unique per event and recipient: the notification row and its e-mail share it. */
  key: string;
  caseId: string;
  caseNumber: string;
  kind: 'stage' | 'document' | 'reminder' | 'overdue' | 'annulled' | 'answer' | 'info' | 'outage';
  /** The cabinet page the e-mail points to; by default the case page. */
  link?: string;
  title: string;
  body: string;
  /**
   * A user, every staff member (their workspace feed; admins also get the e-mail), or the
   * supervisors of the departments serving a stage (`application:preparingDocuments`,
   * domain/departments.ts; the staff feed when no department has one).
   */
  to: { userId: string } | { staff: true } | { supervisorsOf: string };
  /** The deadline the text names, if any: the notice marks it «предварительно» when its year's calendar is provisional. */
  deadlineAt?: number | null;
}

/**
 * What a projection stored, returned so that the history records it: as a local
 * activity its input is not in the history, and auditors rebuild the read model
 * from the history (api/audit).
 */
export interface Projected<S> {
  snapshot: S;
  event: CaseEventRecord;
}

/**
 * A term that starts with the projected event. Its deadline is computed in the
 * projection rather than by a local activity of its own: one local activity
 * per action instead of two (bench «ryw»), and the deadline is still recorded
 * in the history, as the projection's result.
 */
export interface StartingTerm {
  startMs: number;
  term: TermSpec;
}

/** A production calendar year was loaded or changed (admin, decree): running terms are computed again. */
export interface CalendarChange {
  year: number;
  /** The decree that fixed the year, e.g. «ПП РФ от 24.09.2025 № 1466», or «предварительный». */
  decree: string;
}

/** Sent by the API to every running case whose deadline falls in the changed year; answers the case as it is after. */
export const recalculateDeadlineUpdate = defineUpdate<CaseView, [CalendarChange]>('recalculateDeadline');
