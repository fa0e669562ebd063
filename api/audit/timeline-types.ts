// The shape of an auditor's timeline (api/audit/timeline.ts): entries with their
// actor, stage, outcome, attempts and documents, and the case they belong to.
import type { CaseKind } from './kinds';

export type ActorKind = 'applicant' | 'staff' | 'admin' | 'bank' | 'system';
export type EntryKind = 'case-started' | 'action' | 'timer' | 'activity' | 'local-activity' | 'search-attributes' | 'signal' | 'patch' | 'case-closed' | 'task-failure' | 'other';
export type EntryOutcome = 'done' | 'failed' | 'cancelled' | 'pending' | 'refused' | 'timed-out';

export interface TimelineActor {
  kind: ActorKind;
  id: string | null;
  name: string;
}

export interface TimelineDocument {
  id: string;
  kind: string;
  title: string;
  sha256: string;
}

export interface TimelineEntry {
  /** The first history event of the entry; the others (completion, firing…) are in eventIds. */
  eventId: number;
  eventIds: number[];
  at: string;
  endedAt: string | null;
  kind: EntryKind;
  stage: string | null;
  stageTitle: string | null;
  actor: TimelineActor;
  title: string;
  details: Array<{ label: string; value: string }>;
  comment: string | null;
  outcome: EntryOutcome;
  attempts: number | null;
  failures: string[];
  documents: TimelineDocument[];
  timer: { durationMs: number; duration: string; firesAt: string; purpose: 'deadline' | 'reminder' | 'other' } | null;
  /** Activity id, to attach what describe() says of a running attempt. */
  activityId: string | null;
}

export interface Timeline {
  workflowType: string | null;
  kind: CaseKind | null;
  caseNumber: string | null;
  applicant: { id: string | null; name: string } | null;
  eventCount: number;
  closed: { at: string; outcome: string } | null;
  entries: TimelineEntry[];
}
