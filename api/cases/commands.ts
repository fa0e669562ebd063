// What application and appeal commands share: numbering and sending an action
// to a case workflow with its refusals turned into clear Russian messages.
import { TRPCError } from '@trpc/server';
import type { Transaction } from 'sequelize';
import { WorkflowIdConflictPolicy, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { moscowDate } from '../../domain/calendar';
import { nextCaseSequence } from '../../db/commands';
import type { ActionRequest, Actor, CaseView } from '../../workflows/case/contract';
import { ApplicantId, CaseKind, CaseNumber, CaseOverdue, CaseStage, CaseStatus } from '../../workflows/search-attributes';
import type { ApiServices } from '../context';

/** The next number of the year for a kind of case, allocated in the caller's transaction (no gaps on rollback). */
export async function nextCaseNumber(services: ApiServices, kind: 'application' | 'appeal', format: (year: number, sequence: number) => string, transaction: Transaction): Promise<string> {
  const year = Number(moscowDate(Date.now()).slice(0, 4));
  return format(year, await nextCaseSequence(services.db, kind, year, transaction));
}

/** Sends an action as a Workflow Update; a refusal comes back as a clear message and changes nothing. */
export async function executeCaseAction<S extends string>(
  services: ApiServices,
  workflowId: string,
  update: UpdateDefinition<CaseView<S>, [ActionRequest<never>], string>,
  actor: Actor,
  input: unknown,
): Promise<CaseView<S>> {
  const handle = services.temporal.workflow.getHandle(workflowId);
  try {
    return await handle.executeUpdate(update, { args: [{ actor, input: input as never }] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.cause?.message ?? 'Действие отклонено' });
    // A closed workflow answers updates with "workflow execution already completed".
    if (error instanceof WorkflowNotFoundError || (error instanceof Error && /already completed/i.test(error.message))) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Дело закрыто: действия по нему невозможны' });
    }
    throw error;
  }
}

/**
 * Starts a case's workflow with the search attributes auditors find it by.
 * The id comes from the client's draft, so a retried submission meets the
 * running workflow instead of starting a second one.
 */
export async function startCase<I>(
  services: ApiServices,
  workflow: (input: I) => Promise<string>,
  opts: { workflowId: string; kind: 'application' | 'appeal'; number: string; applicantId: string; status: string; input: I },
): Promise<void> {
  await services.temporal.workflow.start(workflow, {
    taskQueue: services.taskQueue,
    workflowId: opts.workflowId,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    args: [opts.input],
    typedSearchAttributes: [
      { key: CaseNumber, value: opts.number },
      { key: CaseKind, value: opts.kind },
      { key: CaseStage, value: 'registered' },
      { key: CaseStatus, value: opts.status },
      { key: ApplicantId, value: opts.applicantId },
      { key: CaseOverdue, value: false },
    ],
  });
}

/**
 * Read your writes: the answer waits until the read model shows the new case (or says it is late).
 * The pause between looks grows (100 ms → 1 s): under load, hundreds of waiting submissions
 * polling every 100 ms would themselves keep the database and the API busy.
 */
export async function waitForReadModel(ready: () => Promise<boolean>, lateMessage: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pause = 100;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new TRPCError({ code: 'TIMEOUT', message: lateMessage });
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(1000, pause * 1.5);
  }
}
