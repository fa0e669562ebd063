// The actions open on an application now, per role: read from the procedure
// table (domain/procedures/application.ts), which the workflow also obeys.
import type { ApplicantAction, Stage, StaffAction } from '../../domain/application';
import type { Role } from '../../domain/account';
import { APPLICATION_PROCEDURE } from '../../domain/procedures/application';
import { actionsFor } from '../../domain/procedures/table';

/** The actions the applicant may take now, from the procedure table (the workflow accepts exactly these). */
export function applicantActionsFor(stage: Stage, paymentsMode: 'test' | 'bank'): ApplicantAction[] {
  return actionsFor(APPLICATION_PROCEDURE, stage, { id: null, role: 'applicant' }, { testPayments: paymentsMode === 'test' }) as ApplicantAction[];
}

/** The actions a staff member (or a supervisor) may take now; an auditor takes none. */
export function staffActionsFor(stage: Stage, user: { id: string; role: Role }): StaffAction[] {
  return actionsFor(APPLICATION_PROCEDURE, stage, user) as StaffAction[];
}
