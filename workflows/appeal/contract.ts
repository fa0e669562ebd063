// The contract of an appeal case (v1): input, the summary its projection
// stores, one Update per action of the procedure table, the query and the
// workflow id — shared by the workflow, the activities, the API and replay.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type { AnswerChannel, AppealActionInput, appealActionSchemas, AppealChannel, AppealKind, AppealTopic } from '../../domain/appeal';
import type { AppealAction, AppealStage } from '../../domain/procedures/appeal';
import type { ResolvedTerms } from '../../domain/regulations';
import type { ActionRequest, Actor, CaseSnapshot, CaseView } from '../case/contract';

export interface AppealWorkflowInput {
  appealId: string;
  number: string;
  applicant: { id: string; name: string };
  /** A representative who filed for the applicant by a power of attorney (issue 20 item 6); absent: the applicant filed, as in every older case. */
  filedBy?: Actor;
  topic: AppealTopic;
  kind: AppealKind;
  channel: AppealChannel;
  answerChannel: AnswerChannel;
  applicationId: string | null;
  registeredAt: number;
  terms: ResolvedTerms;
}

export type AppealOutcome = 'closed';

export interface AppealSnapshot extends CaseSnapshot {
  applicantName: string;
  topic: string;
  kind: string;
  channel: string;
  answerChannel: string;
  applicationId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  registeredAt: number;
  answeredAt: number | null;
  answeredLate: boolean | null;
  reopened: boolean;
  status: 'open' | 'answered' | 'closed';
}

export type AppealActionInputs = { [A in AppealAction]: AppealActionInput<A> };

/** What a client sends for each action, before the schema fills defaults. */
export type AppealActionSent = { [A in AppealAction]: z.input<(typeof appealActionSchemas)[A]> };

export type AppealUpdate<A extends AppealAction> = ReturnType<typeof defineUpdate<CaseView<AppealStage>, [ActionRequest<AppealActionSent[A]>], A>>;

/** One Update per action; the name is the action's name in the procedure table. */
export const appealUpdates: { [A in AppealAction]: AppealUpdate<A> } = {
  take: defineUpdate('take'),
  assign: defineUpdate('assign'),
  startWork: defineUpdate('startWork'),
  requestClarification: defineUpdate('requestClarification'),
  answer: defineUpdate('answer'),
  reply: defineUpdate('reply'),
  confirm: defineUpdate('confirm'),
  disagree: defineUpdate('disagree'),
};

export const appealViewQuery = defineQuery<CaseView<AppealStage>>('caseView');

export const appealWorkflowId = (appealId: string): string => `appeal-${appealId}`;
