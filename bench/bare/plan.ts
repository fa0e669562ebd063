// The bare baseline's shape, shared by its workflow, its worker and the
// benchmarks: the same number of updates, timers and activities as a case,
// with nothing of ours inside (no rules, no database, no PDFs, no mail).
// Its variants add one of our costs at a time, to split the difference.

/** Activities of one step: local ones first, then ordinary ones, each awaited in turn. */
export interface BareWork {
  activities: number;
  localActivities: number;
  /** Search attribute upserts (each sets a case's stage, status and overdue flag), before the activities. */
  searchAttributes: number;
}

/** What an update sets off: the work before its answer, then the work after it. */
export interface BareStep {
  beforeReply: BareWork;
  afterReply: BareWork;
}

/** Payloads as large as a case's: every activity takes `inputBytes` and returns `resultBytes`. */
export interface BarePayloads {
  inputBytes: number;
  resultBytes: number;
}

export interface BarePlan {
  start: BareWork;
  steps: BareStep[];
  /** Each wait for the next update runs a timer this long, as a stage waits with its deadline. */
  waitMs: number;
  payloads?: BarePayloads;
  /** Each activity after an answer heartbeats once, as ours records each e-mail handed to SMTP (activities/mailer.ts). */
  heartbeatAfterReply?: boolean;
  /** Makes the workflow's input as large as a case's. */
  padding?: string;
}

export const BARE_READY_LINE = 'bare worker polling';
/** The variant whose payloads go through our codec (AES-GCM) has a task queue of its own. */
export const ENCRYPTED_SUFFIX = '-encrypted';
export const NO_WORK: BareWork = { activities: 0, localActivities: 0, searchAttributes: 0 };
