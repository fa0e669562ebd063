// The actions open on an appeal now, for its applicant or a staff member: read
// from the procedure table (domain/procedures/appeal.ts), which the workflow also obeys.
import type { AppealAction } from '../../domain/appeal';
import { APPEAL_PROCEDURE } from '../../domain/procedures/appeal';
import { actionsFor, type CaseFacts } from '../../domain/procedures/table';
import type { UserRecord } from '../../db/models';
import type { AppealSummary } from '../../db/read-models/appeals';

/** What the actions open now depend on: the appeal's stage, its applicant and holder, whether it was reopened. */
export type AppealFacts = Pick<AppealSummary, 'stage' | 'applicantId' | 'assigneeId' | 'reopened'>;

/** What the table lets the applicant do now (a second disagreement is refused once the appeal was reopened). */
export function appealApplicantActions(appeal: AppealFacts): AppealAction[] {
  return actionsFor(APPEAL_PROCEDURE, appeal.stage, { id: appeal.applicantId, role: 'applicant' }, appealFacts(appeal));
}

/** What the table lets this staff member do now: holder-only actions for the assignee or a supervisor. */
export function appealStaffActions(appeal: AppealFacts, user: UserRecord): AppealAction[] {
  return actionsFor(APPEAL_PROCEDURE, appeal.stage, user, appealFacts(appeal));
}

function appealFacts(appeal: AppealFacts): CaseFacts {
  return { holderId: appeal.assigneeId, reopened: appeal.reopened };
}
