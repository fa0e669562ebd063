// The bare baseline's shape, shared by its workflow, its worker and the
// benchmarks: the same number of updates, timers and activities as a case,
// with nothing of ours inside (no rules, no database, no PDFs, no mail).

/** Activities of one step: local ones first, then ordinary ones, each awaited in turn. */
export interface BareWork {
  activities: number;
  localActivities: number;
}

/** What an update sets off: the work before its answer, then the work after it. */
export interface BareStep {
  beforeReply: BareWork;
  afterReply: BareWork;
}

export interface BarePlan {
  start: BareWork;
  steps: BareStep[];
  /** Each wait for the next update runs a timer this long, as a stage waits with its deadline. */
  waitMs: number;
}

export const BARE_READY_LINE = 'bare worker polling';
export const NO_WORK: BareWork = { activities: 0, localActivities: 0 };
