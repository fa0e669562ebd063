// The shape of a procedure table and the questions every side asks of it.
// A procedure (connection application, appeal) is written down once, as data:
// each stage with the term that runs in it and the party whose clock that is,
// and the actions open in it with who may take each. The workflow waits on
// what the table opens, the API lists the actions a user may take from it, the
// web draws the timeline from it — so they cannot disagree.
import type { Role } from '../account';
import { ROLE_GROUPS } from '../roles';
import type { TermKey } from '../regulations';

/**
 * Whose clock runs in a stage: the grid, the applicant, both (one term covers both sides' work),
 * the supplier of last resort (its draft supply contract, domain/procedures/supplier.ts), or nobody.
 */
export type Party = 'grid' | 'applicant' | 'both' | 'supplier' | 'nobody';

/** Who may take an action: the case's applicant, grid staff, a supervisor (admin), staff and the bank's notification, or the case's supplier of last resort. */
export type Performer = 'applicant' | 'staff' | 'supervisor' | 'staff-or-bank' | 'supplier';

/** Facts of a case (and of the cabinet) that some actions depend on; absent facts count as false. */
export interface CaseFacts {
  /** The staff member holding the case (an appeal's assignee), if any. */
  holderId?: string | null;
  /** The appeal was already reopened once. */
  reopened?: boolean;
  /** The cabinet takes payments in its test mode (no bank). */
  testPayments?: boolean;
  /** The applicant is a public buyer (44-ФЗ / 223-ФЗ): a longer term to pay. */
  publicBuyer?: boolean;
  /** The grid's and the applicant's parts of the ТУ are recorded apart (cases since the obligations change). */
  obligationsTracked?: boolean;
  gridPartDone?: boolean;
  applicantPartDone?: boolean;
  /** The contract is concluded and a later part of the payment schedule is still unpaid (domain/payment-schedule.ts). */
  instalmentOpen?: boolean;
}

/** The term of a stage: a fixed key, or one that follows from the case (e.g. the ТУ term from the application). */
export type StageTerm = TermKey | ((context: TermContext) => TermKey);
export interface TermContext {
  publicBuyer: boolean;
  tuTerm: TermKey;
}

export interface StageRow<A extends string> {
  /** Number of the stage in DOMAIN and the service passport. */
  readonly step: string;
  readonly title: string;
  /** The status word of the glossary shown to users. */
  readonly status: string;
  /** The party whose clock runs in the stage. */
  readonly party: Party;
  /** The statutory term that governs the stage (null: none runs, or it is paused). */
  readonly term: StageTerm | null;
  /** Who is reminded as the term runs out. */
  readonly remind: 'applicant' | 'staff' | 'nobody';
  readonly actions: readonly A[];
  readonly final?: boolean;
  /** The case is already on its way out (a contract being terminated): an action open in every stage is not open here. */
  readonly leaving?: boolean;
}

export interface ActionRow {
  readonly label: string;
  readonly by: Performer;
  /** Open in every stage until the case ends (withdrawal). */
  readonly everyStage?: boolean;
  /** Only the case's holder (or a supervisor) may take it. */
  readonly holderOnly?: boolean;
  /** Offered only when the cabinet takes test payments (a real bank confirms payments itself). */
  readonly testPaymentsOnly?: boolean;
  /** A condition on the case: the reason it is refused now, or null. */
  readonly refuse?: (facts: CaseFacts) => string | null;
  /**
   * Taken beside the procedure, which never waits on it (a later instalment):
   * open in every stage, also after the procedure's end, while `refuse` allows.
   */
  readonly beside?: boolean;
}

export interface ProcedureTable<S extends string, A extends string> {
  readonly stages: { readonly [K in S]: StageRow<A> };
  readonly actions: { readonly [K in A]: ActionRow };
  /** The stages every case passes on its happy path, in order (for the timeline). */
  readonly mainPath: readonly S[];
  /** Side stages drawn right after the main-path stage they branch from (missing data after the completeness check). */
  readonly branches: Partial<Record<S, S>>;
}

const PERFORMER_ROLES: Record<Performer, readonly string[]> = {
  applicant: ROLE_GROUPS.applicants,
  staff: ROLE_GROUPS.staff,
  supervisor: ROLE_GROUPS.admins,
  'staff-or-bank': [...ROLE_GROUPS.staff, 'bank'],
  supplier: ROLE_GROUPS.suppliers,
};

export const REFUSAL_BY: Record<Performer, string> = {
  applicant: 'Это действие выполняет заявитель по своему делу',
  staff: 'Это действие выполняет сотрудник сетевой организации',
  supervisor: 'Это действие выполняет руководитель (администратор)',
  'staff-or-bank': 'Это действие выполняет сотрудник сетевой организации или банк',
  supplier: 'Это действие выполняет гарантирующий поставщик, которому передана заявка',
};

export function performs(performer: Performer, role: Role | 'bank' | 'system'): boolean {
  return PERFORMER_ROLES[performer].includes(role);
}

/** Is the action open in the stage (before asking who takes it)? */
export function openIn<S extends string, A extends string>(table: ProcedureTable<S, A>, stage: S, action: A): boolean {
  const row = table.stages[stage];
  if (table.actions[action].beside === true) return true;
  return !row.final && ((table.actions[action].everyStage === true && row.leaving !== true) || row.actions.includes(action));
}

/** The actions a user may take in the case now, in the table's order: what the API offers and the workflow accepts. */
export function actionsFor<S extends string, A extends string>(
  table: ProcedureTable<S, A>,
  stage: S,
  user: { id: string | null; role: Role; supervisor?: boolean },
  facts: CaseFacts = {},
): A[] {
  return (Object.keys(table.actions) as A[]).filter((action) => {
    const row = table.actions[action];
    if (!openIn(table, stage, action) || !performs(row.by, user.role)) return false;
    if (row.testPaymentsOnly && !facts.testPayments) return false;
    if ((row.holderOnly || heldByAnother(row, user, facts)) && !mayHold(user, facts)) return false;
    return !row.refuse?.(facts);
  });
}

/**
 * A holder-only action: the holder, or a supervisor stepping in — an admin, or a
 * staff member the API marked as supervisor of the department serving the case's
 * stage (`supervisor`, docs/architecture.md «Departments and holders»).
 */
export function mayHold(user: { id: string | null; role: string; supervisor?: boolean }, facts: CaseFacts): boolean {
  return performs('supervisor', user.role as Role) || user.supervisor === true || (user.id !== null && user.id === facts.holderId);
}

/**
 * A case someone holds is worked by its holder: a grid action by another staff
 * member is refused (the bank's payment notice and the applicant's or supplier's
 * own actions are never held). An unheld case stays open to any staff member.
 */
export function heldByAnother(row: ActionRow, user: { id: string | null; role: string }, facts: CaseFacts): boolean {
  if (!facts.holderId || row.by === 'applicant' || row.by === 'supplier' || user.role === 'bank') return false;
  return user.id !== facts.holderId;
}

/** The term key of a stage for this case, or null. */
export function stageTermKey<S extends string, A extends string>(table: ProcedureTable<S, A>, stage: S, context: TermContext): TermKey | null {
  const term = table.stages[stage].term;
  return typeof term === 'function' ? term(context) : term;
}

/** The actions of a table taken by the applicant, or by the grid's side (staff, supervisor, bank), as a type. */
export type ApplicantActionOf<T extends { actions: Record<string, { by: Performer }> }> = { [K in keyof T['actions']]: T['actions'][K]['by'] extends 'applicant' ? K : never }[keyof T['actions']] & string;
export type GridActionOf<T extends { actions: Record<string, { by: Performer }> }> = Exclude<keyof T['actions'] & string, ApplicantActionOf<T>>;

/** The table's action rows of one side, keyed by name (for labels and the API's enums). */
export function actionRowsOf<A extends string>(actions: { readonly [K in A]: ActionRow }, side: 'applicant' | 'grid'): Record<string, ActionRow> {
  return Object.fromEntries((Object.keys(actions) as A[]).filter((a) => (actions[a].by === 'applicant') === (side === 'applicant')).map((a) => [a, actions[a]]));
}
