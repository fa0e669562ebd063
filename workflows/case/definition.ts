// What a case procedure hands the machine: its table, schemas, Updates and
// projection (CaseDefinition), the tickets of accepted actions, and the one
// rule that decides whether an action is refused now — the Update validators
// run it synchronously, so a refusal leaves no trace in the history.
import type { UpdateDefinition } from '@temporalio/common';
import type { QueryDefinition } from '@temporalio/workflow';
import type { z } from 'zod';
import type { GeneratedDocKind } from '../../documents/kinds';
import { heldByAnother, mayHold, openIn, performs, REFUSAL_BY, type CaseFacts, type ProcedureTable } from '../../domain/procedures/table';
import type { ResolvedTerms } from '../../domain/regulations';
import { actsAsApplicant, type ActionRequest, type Actor, type CaseEventRecord, type CaseSnapshot, type CaseView, type Projected, type StartingTerm } from './contract';
import type { DeadlineChange } from './deadline';
import { caseNotices } from './notices';

/** An action a validator accepted, waiting for the procedure to apply it. */
export interface Ticket<N extends string = string, I = Record<string, unknown>> {
  name: N;
  request: ActionRequest<I>;
  done: boolean;
  refusal?: string;
}

/** The ticket of one of the actions K, its input typed by the contract's map I. */
export type TicketOf<I, K extends keyof I & string> = { [N in K]: Ticket<N, I[N]> }[K];

/** An action open in every stage (withdrawal) ends the procedure where it waits: the workflow catches it once. */
export class CaseExit<N extends string = string> {
  constructor(readonly ticket: Ticket<N, unknown>) {}
}

export interface CaseDefinition<S extends string, A extends string, Snap extends CaseSnapshot> {
  /** «Заявка», «Обращение»: the subject of refusals. */
  noun: string;
  /** Which procedure: with the stage it names the departments serving it (domain/departments.ts). */
  kind: 'application' | 'appeal';
  table: ProcedureTable<S, A>;
  schemas: Record<A, z.ZodType>;
  /** Where an action's input changed shape: a schema that also reads what older histories recorded (used when applying, not when validating). */
  recordedSchemas?: Partial<Record<A, z.ZodType>>;
  /** The contract's Update of each action (what a client sends is checked by the schema, so its type does not matter here). */
  updates: { [K in A]: Pick<UpdateDefinition<CaseView<S>, [], K>, 'type' | 'name'> };
  viewQuery: QueryDefinition<CaseView<S>>;
  /** The status a final stage leaves the case in. */
  finalStatus(stage: S): string;
  /** Stores the read model, computing the deadline of a starting term; resolves with what it stored (recorded in the history for auditors). */
  project(snapshot: Snap, event: CaseEventRecord, starting?: StartingTerm): Promise<Projected<Snap>>;
  terms: ResolvedTerms;
  /** The cabinet pages of the case, for notifications and e-mails. */
  links: { applicant: string; staff: string };
}

export interface StageEntry<A extends string> {
  ticket?: Ticket<A, unknown>;
  actor?: Actor;
  type: string;
  title: string;
}

export interface EntryOptions {
  /** What happens to the term; by default the stage's own term (from the table) starts. */
  deadline?: DeadlineChange;
  docs?: GeneratedDocKind[];
  docFields?: Record<string, unknown>;
  /** The applicant's notice instead of the stage headline. */
  tell?: string;
  tellStaff?: string;
}

/**
 * Why an action is refused now, or null: the case is closed, the action is not
 * open in the stage, the actor may not take it, is not the holder, a condition
 * of the table says no — and only then, whether its input is valid.
 */
export function refusalOf<S extends string, A extends string>(
  d: Pick<CaseDefinition<S, A, CaseSnapshot>, 'noun' | 'table' | 'schemas'>,
  c: { stage: S; number: string; applicantId: string; facts: CaseFacts; holderRefusal: () => string },
  name: A,
  request: ActionRequest<unknown>,
): string | null {
  const stageRow = d.table.stages[c.stage];
  // An action beside the procedure (a later instalment) outlives its end; its own condition decides.
  if (stageRow.final && !d.table.actions[name].beside) return caseNotices.closed(d.noun, c.number);
  if (!openIn(d.table, c.stage, name)) return caseNotices.notInStage(d.table.actions[name].label, stageRow.title);
  const row = d.table.actions[name];
  if (!performs(row.by, request.actor.role)) return REFUSAL_BY[row.by];
  if (row.by === 'applicant' && !actsAsApplicant(request.actor, c.applicantId)) return REFUSAL_BY.applicant;
  if ((row.holderOnly || heldByAnother(row, request.actor, c.facts)) && !mayHold(request.actor, c.facts)) return c.holderRefusal();
  const refusal = row.refuse?.(c.facts);
  if (refusal) return refusal;
  // Who may act is settled first: the content of an action nobody may take now is not worth checking.
  const parsed = d.schemas[name].safeParse(request.input);
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join('; ');
}
