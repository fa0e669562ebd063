// The actions open on an application now, per role: read from the procedure
// table (domain/procedures/application.ts), which the workflow also obeys,
// with the facts of the case the table's conditions ask about.
import type { ApplicantAction, Stage, StaffAction } from '../../domain/application';
import type { Role } from '../../domain/account';
import { APPLICATION_PROCEDURE } from '../../domain/procedures/application';
import { actionsFor, type CaseFacts } from '../../domain/procedures/table';
import { nextOpenPart, type ScheduleState } from '../../domain/payment-schedule';

/** What the read model says of a case that actions depend on: the two parts of the ТУ, recorded apart since the contract. */
export interface ActionContext {
  stage: Stage;
  connectionDeadlineAt: string | null;
  gridTuDoneAt: string | null;
  applicantTuDoneAt: string | null;
  /** Absent where nothing is paid in parts. */
  contractConcludedAt?: string | null;
  paymentSchedule?: ScheduleState | null;
  /** Who holds the case in its stage (issue 20); absent in older rows. */
  holderId?: string | null;
}

export function factsOf(c: ActionContext): CaseFacts {
  // A later part is payable once the first concluded the contract, as the workflow decides (workflows/application/instalments.ts).
  const instalmentOpen = Boolean(c.contractConcludedAt) && c.paymentSchedule?.parts[0]?.status === 'paid' && nextOpenPart(c.paymentSchedule) !== null;
  return { holderId: c.holderId ?? null, obligationsTracked: c.connectionDeadlineAt !== null, gridPartDone: c.gridTuDoneAt !== null, applicantPartDone: c.applicantTuDoneAt !== null, instalmentOpen };
}

/** The actions the applicant may take now, from the procedure table (the workflow accepts exactly these). */
export function applicantActionsFor(c: ActionContext, paymentsMode: 'test' | 'bank'): ApplicantAction[] {
  return actionsFor(APPLICATION_PROCEDURE, c.stage, { id: null, role: 'applicant' }, { ...factsOf(c), testPayments: paymentsMode === 'test' }) as ApplicantAction[];
}

/** The actions a staff member (or a supervisor) may take now; an auditor takes none; a case another holds, only its holder or a supervisor. */
export function staffActionsFor(c: ActionContext, user: { id: string; role: Role; supervisor?: boolean }): StaffAction[] {
  return actionsFor(APPLICATION_PROCEDURE, c.stage, user, factsOf(c)) as StaffAction[];
}
