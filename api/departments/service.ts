// Departments and holders (issue 20 items 1–2): an admin defines departments and
// their staff; a department's queue lists the open cases whose stage it serves;
// a staff member of the department serving an application's stage takes it, or
// a supervisor assigns it. Who belongs to which department lives here (the
// database); the workflow checks roles and holders in its Update validators.
import { TRPCError } from '@trpc/server';
import { stageRef, type DepartmentForm } from '../../domain/departments';
import type { UserRecord } from '../../db/models';
import { createDepartment, departmentQueue, departmentsOfUser, departmentWorkloadRows, listDepartments, setDepartmentMembers, staffUsers, standingAtStage, updateDepartment } from '../../db/read-models/departments';
import { medianSince, workloadFigures } from '../../domain/workload';
import { calendarOf } from '../calendars/pages';
import { applicationWorkflowId } from '../../workflows/application/contract';
import { assignCaseUpdate, takeCaseUpdate } from '../../workflows/application/holding';
import type { Actor } from '../../workflows/case/contract';
import { executeCaseAction } from '../cases/commands';
import type { ApiServices } from '../context';
import { actorOf, fieldIssues } from '../applications/service';

type Caller = ApiServices & { user: UserRecord };

const departmentMissing = () => new TRPCError({ code: 'NOT_FOUND', message: 'Отдел не найден' });
const applicationMissing = () => new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена' });
const duplicateName = () => fieldIssues([{ path: 'name', message: 'Отдел с таким названием уже есть' }]);

export const departmentsList = (ctx: Caller) => listDepartments(ctx.db);
export const departmentStaff = (ctx: Caller) => staffUsers(ctx.db);
export const myDepartments = (ctx: Caller) => departmentsOfUser(ctx.db, ctx.user.id);

export async function addDepartment(ctx: Caller, form: DepartmentForm) {
  const id = await createDepartment(ctx.db, form);
  if (!id) throw duplicateName();
  return { id };
}

export async function editDepartment(ctx: Caller, id: string, form: DepartmentForm) {
  const result = await updateDepartment(ctx.db, id, form);
  if (result === 'missing') throw departmentMissing();
  if (result === 'duplicate') throw duplicateName();
  return { id };
}

export async function changeMembers(ctx: Caller, id: string, members: Array<{ userId: string; supervisor: boolean }>) {
  const result = await setDepartmentMembers(ctx.db, id, members);
  if (result === 'missing') throw departmentMissing();
  if (typeof result === 'object') throw fieldIssues([{ path: 'members', message: 'В отдел можно включить только действующих сотрудников сетевой организации' }]);
  return { id };
}

export async function queueOf(ctx: Caller, id: string) {
  const queue = await departmentQueue(ctx.db, id);
  if (!queue) throw departmentMissing();
  return queue;
}

/**
 * A department's workload (issue 20 item 4): for its supervisors, admins and auditors; a
 * staff member who does not supervise it is refused. The figures are computed on the
 * production calendar in force (domain/workload.ts).
 */
export async function workloadOf(ctx: Caller, id: string) {
  const [department] = (await listDepartments(ctx.db)).filter((d) => d.id === id);
  if (!department) throw departmentMissing();
  if (ctx.user.role === 'staff' && !department.members.some((m) => m.userId === ctx.user.id && m.supervisor)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Нагрузку отдела видят его руководители, администратор и аудитор' });
  }
  const now = Date.now();
  const rows = await departmentWorkloadRows(ctx.db, department.stages, medianSince(now));
  return { department: { id: department.id, name: department.name, stages: department.stages }, ...workloadFigures(rows.open, rows.handled, department.stages, await calendarOf(ctx.db), now) };
}

/**
 * The actor the workflow hears, with `supervisor` set when a staff member
 * supervises a department serving the application's current stage (an admin
 * is a supervisor everywhere by role). Every staff action on an application is
 * sent with it, so the workflow lets a supervisor act on a case another holds.
 */
export async function staffActorAt(ctx: Caller, stage: string): Promise<Actor> {
  const actor = actorOf(ctx.user);
  if (ctx.user.role !== 'staff') return actor;
  const standing = await standingAtStage(ctx.db, ctx.user.id, stageRef('application', stage));
  return standing.supervisor ? { ...actor, supervisor: true } : actor;
}

async function stageOf(ctx: Caller, id: string): Promise<string> {
  const application = await ctx.db.Application.findByPk(id, { attributes: ['id', 'stage'] });
  if (!application) throw applicationMissing();
  return application.stage;
}

/** A staff member takes an application: one of the department serving its stage, or a supervisor / admin. */
export async function takeCase(ctx: Caller, id: string) {
  const stage = await stageOf(ctx, id);
  if (ctx.user.role === 'staff') {
    const standing = await standingAtStage(ctx.db, ctx.user.id, stageRef('application', stage));
    if (!standing.member) {
      const who = standing.departments.length ? `сотрудники отдела «${standing.departments.join('», «')}»` : 'сотрудники отдела, который ведёт этот этап (ни один отдел его пока не ведёт — обратитесь к администратору)';
      throw new TRPCError({ code: 'FORBIDDEN', message: `Взять заявку на этом этапе могут ${who}` });
    }
  }
  return executeCaseAction(ctx, applicationWorkflowId(id), takeCaseUpdate as never, await staffActorAt(ctx, stage), {});
}

/** A supervisor hands an application to a staff member of the department serving its stage, saying why when it was held. */
export async function assignCase(ctx: Caller, input: { id: string; holderId: string; reason: string }) {
  const stage = await stageOf(ctx, input.id);
  const ref = stageRef('application', stage);
  const actor = await staffActorAt(ctx, stage);
  if (actor.role !== 'admin' && !actor.supervisor) throw new TRPCError({ code: 'FORBIDDEN', message: 'Передать заявку сотруднику может руководитель отдела, который ведёт этап, или администратор' });
  const holder = await ctx.db.User.findByPk(input.holderId);
  if (!holder || (holder.role !== 'staff' && holder.role !== 'admin') || holder.blockedAt) throw fieldIssues([{ path: 'holderId', message: 'Выберите действующего сотрудника сетевой организации' }]);
  if (holder.role === 'staff' && !(await standingAtStage(ctx.db, holder.id, ref)).member) {
    throw fieldIssues([{ path: 'holderId', message: 'Этот сотрудник не работает в отделе, который ведёт этап заявки' }]);
  }
  return executeCaseAction(ctx, applicationWorkflowId(input.id), assignCaseUpdate as never, actor, { holderId: holder.id, holderName: actorOf(holder).name, reason: input.reason });
}
