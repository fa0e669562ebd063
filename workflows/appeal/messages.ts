// The messages of the appeal workflow: one update per action, one query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AppealAction, AppealActionInput, AppealStage } from '../../domain/appeal';
import type { ActionRequest, CaseView } from '../case/machine';

type AppealUpdates = { [A in AppealAction]: ReturnType<typeof defineUpdate<CaseView<AppealStage>, [ActionRequest<AppealActionInput<A>>], A>> };

export const appealUpdates: AppealUpdates = {
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
