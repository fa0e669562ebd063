// The auditors' workspace: find any case, read its Temporal history as a
// timeline, replay it against the current code, check its read model, read
// the access log. Read-only: nothing here sends a command to a case; the only
// write is the access log entry that records the auditor's own reading.
import { accessLogFilterSchema, caseSearchSchema } from '../../domain/audit';
import { groupProcedure, router } from '../trpc';
import { listAccessLog } from './access-log';
import { caseHistory, caseRefInput, checkCaseReadModel, replayCase, workflowRef } from './pages';
import { searchCases } from './search';

const auditors = groupProcedure('auditors');

export const auditRouter = router({
  searchCases: auditors.input(caseSearchSchema).query(({ ctx, input }) => searchCases(ctx, input)),

  history: auditors.input(workflowRef).query(({ ctx, input }) => caseHistory(ctx, input.workflowId)),

  /** A query: replaying changes nothing in the case; the access log records who ran it. */
  replay: auditors.input(workflowRef).query(({ ctx, input }) => replayCase(ctx, input.workflowId)),

  checkReadModel: auditors.input(caseRefInput).query(({ ctx, input }) => checkCaseReadModel(ctx, input)),

  accessLog: auditors.input(accessLogFilterSchema).query(({ ctx, input }) => listAccessLog(ctx.db, input)),
});
