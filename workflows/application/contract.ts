// The contract of a connection-application case (v1): its input, the summary
// its projection stores, one Update per action of the procedure table, the
// query, and the workflow id. The workflow, the activities, the API and the
// replay tools import it; a breaking change gets a new version beside it.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type { ApplicantAction, ApplicantActionInput, applicantActionSchemas, StaffAction, StaffActionInput, staffActionSchemas } from '../../domain/application';
import type { ApplicationAction, ApplicationStage } from '../../domain/procedures/application';
import type { PenaltyAssessment } from '../../domain/penalties';
import type { postContractDocumentsSchema, RecordedPostContractDocuments } from '../../domain/invoice';
import type { ScheduleOption, ScheduleState } from '../../domain/payment-schedule';
import type { ResolvedTerms } from '../../domain/regulations';
import type { ConnectionKindInput } from '../../domain/connection-kind';
import type { SupplierTrackState } from '../../domain/supply-contract';
import type { ActionRequest, Actor, CaseSnapshot, CaseView } from '../case/contract';

export interface ApplicationWorkflowInput {
  applicationId: string;
  number: string;
  applicant: { id: string; name: string };
  /** A representative who filed for the applicant by a power of attorney (issue 20 item 6); absent: the applicant filed, as in every older case. */
  filedBy?: Actor;
  category: string;
  object: { name: string; address: string; maxPowerKw: number; voltageKv: number; distanceM: number; territory: 'urban' | 'rural' };
  publicBuyer: boolean;
  supplier: { id: string; name: string; email: string };
  submittedAt: number;
  /** The regulations table as it was when the case started: the case keeps these terms. */
  terms: ResolvedTerms;
  /** The kind of connection and its particulars (domain/connection-kind.ts); absent in cases before the change: permanent. */
  connection?: ConnectionKindInput;
  /** The applicant chose to pay in parts (domain/payment-schedule.ts); absent: the invoice is paid at once (and in cases before the change). */
  paymentSchedule?: { option: ScheduleOption; quarters: number };
}

/** 'terminated': withdrawn after the contract, which was terminated with the costs actually incurred (domain/termination.ts). */
export type ApplicationOutcome = 'completed' | 'annulled' | 'withdrawn' | 'terminated';

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
  /** The payment schedule with each part's status and payment record (workflows/application/instalments.ts). */
  paymentSchedule?: ScheduleState | null;
  /** A part of the schedule is overdue: the applicant's debt, never the grid's lateness. */
  instalmentOverdue?: boolean;
  /** The supplier of last resort's track (workflows/application/supplier-track.ts); absent in cases before patch 'supplier-track'. */
  supplierTrack?: SupplierTrackState | null;
  /** The staff member holding the case in its stage, and since when (workflows/application/holding.ts); absent in cases before patch 'case-holder'. */
  holderId?: string | null;
  holderName?: string | null;
  heldSince?: number | null;
}

/** The validated input of each action, by name. */
export type ApplicationActionInputs = { [A in Exclude<StaffAction, 'postContractDocuments'>]: StaffActionInput<A> } & { [A in ApplicantAction]: ApplicantActionInput<A> } & {
  /** The scope and correction of the computed invoice, or (older histories) the amount typed by staff. */
  postContractDocuments: RecordedPostContractDocuments;
};

/** What a client sends for each action, before the schema fills defaults. */
export type ApplicationActionSent = { [A in Exclude<StaffAction, 'postContractDocuments'>]: z.input<(typeof staffActionSchemas)[A]> } & { [A in ApplicantAction]: z.input<(typeof applicantActionSchemas)[A]> } & {
  postContractDocuments: z.input<typeof postContractDocumentsSchema>;
};

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
  recordTerminationCosts: defineUpdate('recordTerminationCosts'),
  payInstalment: defineUpdate('payInstalment'),
  confirmInstalment: defineUpdate('confirmInstalment'),
};

export const applicationViewQuery = defineQuery<CaseView<ApplicationStage>>('caseView');

export const applicationWorkflowId = (applicationId: string): string => `application-${applicationId}`;
