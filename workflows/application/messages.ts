// The messages of the connection-application workflow, in one place: the
// API sends these, the workflow handles them, auditors read them in history.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ApplicantAction, ApplicantActionInput, Stage, StaffAction, StaffActionInput } from '../../domain/application';

/** Who performed an action: carried into the history for auditors. */
export interface Actor {
  id: string | null;
  name: string;
  role: 'applicant' | 'staff' | 'admin' | 'bank' | 'system';
}

export interface ActionRequest<I> {
  actor: Actor;
  input: I;
}

/** What an action returns: the case as it is once the read model shows the action's effect. */
export interface CaseView {
  stage: Stage;
  status: 'active' | 'completed' | 'annulled' | 'withdrawn';
  seq: number;
  deadlineAt: number | null;
  overdue: boolean;
}

type StaffUpdates = { [A in StaffAction]: ReturnType<typeof defineUpdate<CaseView, [ActionRequest<StaffActionInput<A>>], A>> };
type ApplicantUpdates = { [A in ApplicantAction]: ReturnType<typeof defineUpdate<CaseView, [ActionRequest<ApplicantActionInput<A>>], A>> };

export const staffUpdates: StaffUpdates = {
  acceptComplete: defineUpdate('acceptComplete'),
  requestMissingData: defineUpdate('requestMissingData'),
  postContractDocuments: defineUpdate('postContractDocuments'),
  confirmPayment: defineUpdate('confirmPayment'),
  recordInspection: defineUpdate('recordInspection'),
  recordConnection: defineUpdate('recordConnection'),
  issueAct: defineUpdate('issueAct'),
};

export const applicantUpdates: ApplicantUpdates = {
  supplyMissingData: defineUpdate('supplyMissingData'),
  payInvoice: defineUpdate('payInvoice'),
  reportTuDone: defineUpdate('reportTuDone'),
  withdraw: defineUpdate('withdraw'),
};

export const caseViewQuery = defineQuery<CaseView>('caseView');
