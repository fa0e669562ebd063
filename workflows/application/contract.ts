// The contract of a connection-application case (v1): its input, the summary
// its projection stores, one Update per action of the procedure table, the
// query, and the workflow id. The workflow, the activities, the API and the
// replay tools import it; a breaking change gets a new version beside it.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type { ApplicantAction, ApplicantActionInput, applicantActionSchemas, StaffAction, StaffActionInput, staffActionSchemas } from '../../domain/application';
import type { ApplicationAction, ApplicationStage } from '../../domain/procedures/application';
import type { PenaltyAssessment } from '../../domain/penalties';
import type { ResolvedTerms } from '../../domain/regulations';
import type { ActionRequest, CaseSnapshot, CaseView } from '../case/contract';

export interface ApplicationWorkflowInput {
  applicationId: string;
  number: string;
  applicant: { id: string; name: string };
  category: string;
  object: { name: string; address: string; maxPowerKw: number; voltageKv: number; distanceM: number; territory: 'urban' | 'rural' };
  publicBuyer: boolean;
  supplier: { id: string; name: string; email: string };
  submittedAt: number;
  /** The regulations table as it was when the case started: the case keeps these terms. */
  terms: ResolvedTerms;
}

export type ApplicationOutcome = 'completed' | 'annulled' | 'withdrawn';

export interface ApplicationSnapshot extends CaseSnapshot {
  applicantName: string;
  category: string;
  objectName: string;
  objectAddress: string;
  maxPowerKw: number;
  status: 'active' | 'completed' | 'annulled' | 'withdrawn';
  submittedAt: number;
  contractConcludedAt: number | null;
  annulReason: string | null;
  /** Who is late against the connection term (п.16 «б»): only that party is named; absent in cases before the change. */
  lateParty?: 'grid' | 'applicant' | 'both' | null;
  /** The penalty of п.16 «в» that accrues while a party is late (its basis recorded by the assessPenalty activity). */
  penalty?: PenaltyAssessment | null;
  /** The connection term's end (п.16 «б»), from the contract's conclusion. */
  connectionDeadlineAt?: number | null;
  /** When staff recorded the grid's ТУ measures done, and when the applicant reported its part. */
  gridTuDoneAt?: number | null;
  applicantTuDoneAt?: number | null;
}

/** The validated input of each action, by name. */
export type ApplicationActionInputs = { [A in StaffAction]: StaffActionInput<A> } & { [A in ApplicantAction]: ApplicantActionInput<A> };

/** What a client sends for each action, before the schema fills defaults. */
export type ApplicationActionSent = { [A in StaffAction]: z.input<(typeof staffActionSchemas)[A]> } & { [A in ApplicantAction]: z.input<(typeof applicantActionSchemas)[A]> };

export type ApplicationUpdate<A extends ApplicationAction> = ReturnType<typeof defineUpdate<CaseView<ApplicationStage>, [ActionRequest<ApplicationActionSent[A]>], A>>;

/** One Update per action; the name is the action's name in the procedure table. */
export const applicationUpdates: { [A in ApplicationAction]: ApplicationUpdate<A> } = {
  acceptComplete: defineUpdate('acceptComplete'),
  requestMissingData: defineUpdate('requestMissingData'),
  postContractDocuments: defineUpdate('postContractDocuments'),
  confirmPayment: defineUpdate('confirmPayment'),
  recordInspection: defineUpdate('recordInspection'),
  recordConnection: defineUpdate('recordConnection'),
  issueAct: defineUpdate('issueAct'),
  recordGridTuDone: defineUpdate('recordGridTuDone'),
  supplyMissingData: defineUpdate('supplyMissingData'),
  payInvoice: defineUpdate('payInvoice'),
  reportTuDone: defineUpdate('reportTuDone'),
  withdraw: defineUpdate('withdraw'),
};

export const applicationViewQuery = defineQuery<CaseView<ApplicationStage>>('caseView');

export const applicationWorkflowId = (applicationId: string): string => `application-${applicationId}`;
