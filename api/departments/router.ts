// Departments (admin), their queues (grid readers) and holding an application (staff).
import { z } from 'zod';
import { assignCaseSchema, departmentFormSchema, departmentMembersSchema, takeCaseSchema } from '../../domain/departments';
import { groupProcedure, router } from '../trpc';
import { addDepartment, assignCase, changeMembers, departmentStaff, departmentsList, editDepartment, myDepartments, queueOf, takeCase, workloadOf } from './service';

const readers = groupProcedure('readers');
const actors = groupProcedure('staff');
const admins = groupProcedure('admins');

export const departmentsRouter = router({
  list: readers.query(({ ctx }) => departmentsList(ctx)),
  /** The departments the signed-in staff member works in (their queues in the menu). */
  mine: actors.query(({ ctx }) => myDepartments(ctx)),
  /** Staff who may be members and holders. */
  staff: actors.query(({ ctx }) => departmentStaff(ctx)),
  queue: readers.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => queueOf(ctx, input.id)),
  /** Its supervisor's figures: open cases by holder, at risk, overdue, handled this week, median days per stage. */
  workload: readers.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => workloadOf(ctx, input.id)),
  create: admins.input(departmentFormSchema).mutation(({ ctx, input }) => addDepartment(ctx, input)),
  update: admins.input(departmentFormSchema.extend({ id: z.uuid() })).mutation(({ ctx, input }) => editDepartment(ctx, input.id, { name: input.name, stages: input.stages })),
  setMembers: admins.input(departmentMembersSchema).mutation(({ ctx, input }) => changeMembers(ctx, input.id, input.members)),
  takeCase: actors.input(takeCaseSchema).mutation(({ ctx, input }) => takeCase(ctx, input.id)),
  assignCase: actors.input(assignCaseSchema).mutation(({ ctx, input }) => assignCase(ctx, input)),
});
