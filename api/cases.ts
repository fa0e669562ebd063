// What application and appeal commands share: numbering and sending an action
// to a case workflow with its refusals turned into clear Russian messages.
import { TRPCError } from '@trpc/server';
import { QueryTypes, type Transaction } from 'sequelize';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { moscowDate } from '../domain/calendar';
import type { ActionRequest, Actor, CaseView } from '../workflows/case/machine';
import type { ApiServices } from './context';

/** The next number of the year for a kind of case, allocated in the caller's transaction (no gaps on rollback). */
export async function nextCaseNumber(services: ApiServices, kind: 'application' | 'appeal', format: (year: number, sequence: number) => string, transaction: Transaction): Promise<string> {
  const year = Number(moscowDate(Date.now()).slice(0, 4));
  const [row] = await services.db.sequelize.query<{ last: number }>(
    `INSERT INTO case_counters (kind, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
    { bind: [kind, year], type: QueryTypes.SELECT, transaction },
  );
  return format(year, row!.last);
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
