// The auditors' workspace: find any case, read its Temporal history as a
// timeline, replay it against the current code, check its read model, read
// the access log. Read-only: nothing here sends a command to a case; the only
// write is the access log entry that records the auditor's own reading.
import { TRPCError } from '@trpc/server';
import type { temporal } from '@temporalio/proto';
import { z } from 'zod';
import { clientDataConverter, decodeDescription } from '../../infra/data-converter';
import { PayloadCodecError } from '../../infra/payload-codec';
import { accessLogFilterSchema, caseSearchSchema } from '../../domain/audit';
import { listAccessLog, recordAccess } from './access-log';
import { auditHistoryUrl } from './history-route';
import { CASE_KIND_SPECS, CASE_KINDS, CASE_WORKFLOW_ID_RE, caseNumberOf, caseRef, fetchCaseHistory, parseCaseWorkflowId, type CaseRef } from './kinds';
import { checkReadModel } from './read-model';
import { replayOne } from './replay';
import { searchCases } from './search';
import { failureText } from './timeline-decoding';
import { applyPendingActivities, buildTimeline } from './timeline';
import type { Context } from '../context';
import { groupProcedure, router } from '../trpc';

const auditors = groupProcedure('auditors');

const workflowIdSchema = z
  .string()
  .trim()
  .regex(CASE_WORKFLOW_ID_RE, 'Укажите идентификатор процесса вида application-<uuid> или appeal-<uuid>')
  .transform((id) => parseCaseWorkflowId(id)!);
const workflowRef = z.object({ workflowId: workflowIdSchema });
/** A case by its workflow id, or by its read-model id and kind. */
const caseRefInput = z.union([workflowRef, z.object({ caseId: z.uuid('Укажите идентификатор заявки'), kind: z.enum(CASE_KINDS).default('application') })]);

const refOf = (input: z.output<typeof caseRefInput>): CaseRef => ('workflowId' in input ? input.workflowId : caseRef(input.kind, input.caseId.toLowerCase()));

async function fetchHistory(ctx: Context, ref: CaseRef): Promise<temporal.api.history.v1.IHistory> {
  const history = await fetchCaseHistory(ctx.temporal, ref).catch((error: unknown) => {
    if (error instanceof PayloadCodecError) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `Историю ${ref.workflowId} не удалось расшифровать: ${error.message}` });
    throw error;
  });
  if (!history) throw new TRPCError({ code: 'NOT_FOUND', message: `Процесс ${ref.workflowId} не найден в Temporal` });
  return history;
}

function temporalUiLink(ctx: Context, workflowId: string): string | null {
  if (!ctx.temporalUiUrl) return null;
  const base = ctx.temporalUiUrl.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(ctx.temporal.options.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

async function record(ctx: Context & { user: { id: string; role: string } }, ref: CaseRef, action: 'view-case' | 'replay', detail: string) {
  const found = await caseNumberOf(ctx.db, ref.caseId);
  await recordAccess(ctx.db, { userId: ctx.user.id, role: ctx.user.role, action, caseId: ref.caseId, caseNumber: found?.number ?? null, detail });
}

export const auditRouter = router({
  searchCases: auditors.input(caseSearchSchema).query(({ ctx, input }) => searchCases(ctx, input)),

  history: auditors.input(workflowRef).query(async ({ ctx, input }) => {
    const ref = input.workflowId;
    const handle = ctx.temporal.workflow.getHandle(ref.workflowId);
    const history = await fetchHistory(ctx, ref);
    const description = await handle.describe();
    await decodeDescription(description.raw, ctx.temporal.options.loadedDataConverter.payloadCodecs);
    const timeline = applyPendingActivities(
      buildTimeline(history),
      (description.raw.pendingActivities ?? []).map((p) => ({ activityId: p.activityId ?? '', attempt: p.attempt ?? 1, lastFailure: failureText(p.lastFailure) })),
    );
    await record(ctx, ref, 'view-case', `История выполнения в Temporal (${timeline.eventCount} событий)`);
    return {
      workflowId: ref.workflowId,
      runId: description.runId,
      kind: ref.kind,
      kindLabel: CASE_KIND_SPECS[ref.kind].label,
      caseId: ref.caseId,
      caseNumber: timeline.caseNumber,
      status: description.status.name,
      startedAt: description.startTime.toISOString(),
      closedAt: description.closeTime?.toISOString() ?? null,
      staffPath: CASE_KIND_SPECS[ref.kind].staffPath(ref.caseId),
      downloadUrl: auditHistoryUrl(ref.workflowId),
      temporalUiUrl: temporalUiLink(ctx, ref.workflowId),
      timeline,
    };
  }),

  /** A query: replaying changes nothing in the case; the access log records who ran it. */
  replay: auditors.input(workflowRef).query(async ({ ctx, input }) => {
    const ref = input.workflowId;
    const history = await fetchHistory(ctx, ref);
    const outcome = await replayOne(history, ref.workflowId, clientDataConverter(ctx.temporal));
    await record(ctx, ref, 'replay', outcome.deterministic ? 'Воспроизведение: детерминировано' : `Воспроизведение: расхождение (${outcome.errorType}): ${outcome.error}`);
    return { workflowId: ref.workflowId, events: history.events?.length ?? 0, ...outcome };
  }),

  checkReadModel: auditors.input(caseRefInput).query(async ({ ctx, input }) => {
    const ref = refOf(input);
    const history = await fetchHistory(ctx, ref);
    const report = await checkReadModel(ctx.db, ref, history);
    await record(ctx, ref, 'view-case', `Сверка витрины с историей: расхождений ${report.differences.length}`);
    return report;
  }),

  accessLog: auditors.input(accessLogFilterSchema).query(({ ctx, input }) => listAccessLog(ctx.db, input)),
});
