// Departments of the grid company and the routing of cases to them (issue 20
// items 1–2). A department serves some stages of the procedures; an open case
// is in the queue of every department serving its current stage, so a case
// moves from one queue to the next only because its stage changed. The routing
// is data (the defaults below, edited by an admin and stored in the database),
// read by the pure functions here — the same in the API and the web.
import { z } from 'zod';
import { APPEAL_PROCEDURE, APPEAL_STAGES } from './procedures/appeal';
import { APPLICATION_PROCEDURE, APPLICATION_STAGES } from './procedures/application';

export type CaseKind = 'application' | 'appeal';

/** A stage of one procedure, as the routing names it: `application:preparingDocuments`. */
export type StageRef = `application:${(typeof APPLICATION_STAGES)[number]}` | `appeal:${(typeof APPEAL_STAGES)[number]}`;

/** Every stage a department may serve: the non-final stages of both procedures, in their tables' order. */
export const ROUTABLE_STAGES: ReadonlyArray<{ ref: StageRef; kind: CaseKind; title: string }> = [
  ...APPLICATION_STAGES.filter((s) => !('final' in APPLICATION_PROCEDURE.stages[s] && APPLICATION_PROCEDURE.stages[s].final)).map((s) => ({
    ref: `application:${s}` as StageRef,
    kind: 'application' as const,
    title: `Заявка: ${APPLICATION_PROCEDURE.stages[s].title}`,
  })),
  ...APPEAL_STAGES.filter((s) => !('final' in APPEAL_PROCEDURE.stages[s] && APPEAL_PROCEDURE.stages[s].final)).map((s) => ({
    ref: `appeal:${s}` as StageRef,
    kind: 'appeal' as const,
    title: `Обращение: ${APPEAL_PROCEDURE.stages[s].title}`,
  })),
];

const STAGE_REFS = ROUTABLE_STAGES.map((s) => s.ref) as [StageRef, ...StageRef[]];

export function stageRef(kind: CaseKind, stage: string): StageRef {
  return `${kind}:${stage}` as StageRef;
}

export function stageOfRef(ref: StageRef): { kind: CaseKind; stage: string } {
  const [kind, stage] = ref.split(':') as [CaseKind, string];
  return { kind, stage };
}

export interface DepartmentDefinition {
  code: string;
  name: string;
  stages: readonly StageRef[];
}

/**
 * The departments of issue 20, mapped to the stage codes of the procedure tables.
 * Reception also keeps the case while the applicant supplies missing data (the
 * check resumes there); the technical department writes the conditions and ТУ and
 * records the grid's ТУ measures; settlements follow the payment and the costs of a
 * terminated contract; metering connects, admits the meter and issues the act;
 * records (делопроизводство) handles appeals through their answer.
 */
export const DEFAULT_DEPARTMENTS: readonly DepartmentDefinition[] = [
  { code: 'reception', name: 'Приём заявок', stages: ['application:registered', 'application:completenessCheck', 'application:awaitingMissingData'] },
  { code: 'technical', name: 'Технический отдел', stages: ['application:preparingDocuments', 'application:tuFulfilment'] },
  { code: 'settlements', name: 'Расчётный отдел', stages: ['application:awaitingPayment', 'application:terminating'] },
  { code: 'inspection', name: 'Служба осмотра', stages: ['application:inspection'] },
  { code: 'metering', name: 'Служба учёта', stages: ['application:actualConnection', 'application:actPosting'] },
  { code: 'records', name: 'Делопроизводство', stages: ['appeal:registered', 'appeal:assigned', 'appeal:inWork', 'appeal:clarification', 'appeal:answered'] },
];

/** The departments serving a stage (usually one; none leaves the case to the general queue only). */
export function departmentsServing<D extends { stages: readonly string[] }>(departments: readonly D[], kind: CaseKind, stage: string): D[] {
  const ref = stageRef(kind, stage);
  return departments.filter((d) => d.stages.includes(ref));
}

/** What an admin saves: a department's name and the stages it serves. */
export const departmentFormSchema = z.object({
  name: z.string().trim().min(2, 'Укажите название отдела').max(120, 'Название отдела — не длиннее 120 знаков'),
  stages: z.array(z.enum(STAGE_REFS, { message: 'Неизвестный этап' })).min(1, 'Выберите хотя бы один этап, который обслуживает отдел'),
});
export type DepartmentForm = z.infer<typeof departmentFormSchema>;

/** A staff member of a department; a supervisor of it assigns its cases and may act on any of them. */
export const departmentMemberSchema = z.object({ userId: z.uuid('Выберите сотрудника'), supervisor: z.boolean() });
export const departmentMembersSchema = z.object({ id: z.uuid(), members: z.array(departmentMemberSchema).max(200) });

/** Taking a case, or a supervisor handing it to someone: who, and why (a reassignment must say why). */
export const takeCaseSchema = z.object({ id: z.uuid() });
export const assignCaseSchema = z.object({
  id: z.uuid(),
  holderId: z.uuid('Выберите сотрудника'),
  reason: z.string().trim().max(500, 'Причина — не длиннее 500 знаков').default(''),
});
export const REASSIGN_REASON_REQUIRED = 'Укажите причину передачи заявки другому сотруднику';

/** The Updates of holding a connection case, as staff and the auditor's timeline name them. */
export const HOLDING_ACTIONS = {
  takeCase: { label: 'Взять заявку в работу' },
  assignCase: { label: 'Передать заявку сотруднику' },
} as const;
