// The penalty of п.16 «в» as an activity: the computation is pure
// (domain/penalties.ts), but the workflow calls it through here so the input
// (fee, the term's end, the day of performance) and the assessment, with the
// rates in force, are recorded in the case's history; a later change of the
// rules table or of the code never changes what a running case was told.
import { assessPenalty as assess, PENALTY_RULES, type PenaltyAssessment, type PenaltyInput, type PenaltyRules } from '../domain/penalties';

export interface PenaltyActivityDeps {
  /** The rules table with the operator's overrides (PENALTY_RULES_OVERRIDE); the shipped table by default. */
  penaltyRules?: PenaltyRules;
}

export function createPenaltyActivities({ penaltyRules = PENALTY_RULES }: PenaltyActivityDeps = {}) {
  return {
    async assessPenalty(input: PenaltyInput): Promise<PenaltyAssessment> {
      return assess(input, penaltyRules);
    },
  };
}
