// The messages of the connection-application workflow, in one place: the
// API sends these, the workflow handles them, auditors read them in history.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ApplicantAction, ApplicantActionInput, Stage, StaffAction, StaffActionInput } from '../../domain/application';
import type { ActionRequest, CaseView } from '../case/machine';

export type { ActionRequest, Actor, CaseView } from '../case/machine';

type StaffUpdates = { [A in StaffAction]: ReturnType<typeof defineUpdate<CaseView<Stage>, [ActionRequest<StaffActionInput<A>>], A>> };
type ApplicantUpdates = { [A in ApplicantAction]: ReturnType<typeof defineUpdate<CaseView<Stage>, [ActionRequest<ApplicantActionInput<A>>], A>> };

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

export const caseViewQuery = defineQuery<CaseView<Stage>>('caseView');
