// What the audit procedures answer: a case's history as a timeline, a replay
// against the current code, the read model checked against the history. Each
// reading is recorded in the access log before the answer goes out.
import { TRPCError } from '@trpc/server';
import type { temporal } from '@temporalio/proto';
import { z } from 'zod';
import { clientDataConverter, decodeDescription } from '../../infra/data-converter';
import { PayloadCodecError } from '../../infra/payload-codec';
import { recordAccess } from './access-log';
import { auditHistoryUrl } from './history-route';
import { CASE_KIND_SPECS, CASE_KINDS, CASE_WORKFLOW_ID_RE, caseNumberOf, caseRef, fetchCaseHistory, parseCaseWorkflowId, type CaseRef } from './kinds';
import { checkReadModel } from './read-model';
import { replayOne } from './replay';
import { failureText } from './timeline-decoding';
import { applyPendingActivities, buildTimeline } from './timeline';
import type { Context } from '../context';

const workflowIdSchema = z
  .string()
  .trim()
  .regex(CASE_WORKFLOW_ID_RE, 'Укажите идентификатор процесса вида application-<uuid> или appeal-<uuid>')
  .transform((id) => parseCaseWorkflowId(id)!);
export const workflowRef = z.object({ workflowId: workflowIdSchema });
/** A case by its workflow id, or by its read-model id and kind. */
export const caseRefInput = z.union([workflowRef, z.object({ caseId: z.uuid('Укажите идентификатор заявки'), kind: z.enum(CASE_KINDS).default('application') })]);

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

type Auditor = Context & { user: { id: string; role: string } };

export async function caseHistory(ctx: Auditor, ref: CaseRef) {
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
}

/** Replaying changes nothing in the case; the access log records who ran it. */
export async function replayCase(ctx: Auditor, ref: CaseRef) {
  const history = await fetchHistory(ctx, ref);
  const outcome = await replayOne(history, ref.workflowId, clientDataConverter(ctx.temporal));
  await record(ctx, ref, 'replay', outcome.deterministic ? 'Воспроизведение: детерминировано' : `Воспроизведение: расхождение (${outcome.errorType}): ${outcome.error}`);
  return { workflowId: ref.workflowId, events: history.events?.length ?? 0, ...outcome };
}

export async function checkCaseReadModel(ctx: Auditor, input: z.output<typeof caseRefInput>) {
  const ref = refOf(input);
  const history = await fetchHistory(ctx, ref);
  const report = await checkReadModel(ctx.db, ref, history);
  await record(ctx, ref, 'view-case', `Сверка витрины с историей: расхождений ${report.differences.length}`);
  return report;
}
