// The actions open on an application now, per role: read from the procedure
// table (domain/procedures/application.ts), which the workflow also obeys,
// with the facts of the case the table's conditions ask about.
import type { ApplicantAction, Stage, StaffAction } from '../../domain/application';
import type { Role } from '../../domain/account';
import { APPLICATION_PROCEDURE } from '../../domain/procedures/application';
import { actionsFor, type CaseFacts } from '../../domain/procedures/table';

/** What the read model says of a case that actions depend on: the two parts of the ТУ, recorded apart since the contract. */
export interface ActionContext {
  stage: Stage;
  connectionDeadlineAt: string | null;
  gridTuDoneAt: string | null;
  applicantTuDoneAt: string | null;
}

export function factsOf(c: ActionContext): CaseFacts {
  return { obligationsTracked: c.connectionDeadlineAt !== null, gridPartDone: c.gridTuDoneAt !== null, applicantPartDone: c.applicantTuDoneAt !== null };
}

/** The actions the applicant may take now, from the procedure table (the workflow accepts exactly these). */
export function applicantActionsFor(c: ActionContext, paymentsMode: 'test' | 'bank'): ApplicantAction[] {
  return actionsFor(APPLICATION_PROCEDURE, c.stage, { id: null, role: 'applicant' }, { ...factsOf(c), testPayments: paymentsMode === 'test' }) as ApplicantAction[];
}

/** The actions a staff member (or a supervisor) may take now; an auditor takes none. */
export function staffActionsFor(c: ActionContext, user: { id: string; role: Role }): StaffAction[] {
  return actionsFor(APPLICATION_PROCEDURE, c.stage, user, factsOf(c)) as StaffAction[];
}
