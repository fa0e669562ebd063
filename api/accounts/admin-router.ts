// Account administration: the list of accounts, staff accounts, blocking.
import { staffAccountSchema } from '../../domain/account';
import { groupProcedure, router } from '../trpc';
import { blockInputSchema, listUsers, newStaffAccount, setBlocked, userListInputSchema } from './pages';

const admins = groupProcedure('admins');

export const adminRouter = router({
  listUsers: admins.input(userListInputSchema).query(({ ctx, input }) => listUsers(ctx, input)),

  createStaffAccount: admins.input(staffAccountSchema).mutation(({ ctx, input }) => newStaffAccount(ctx, input)),

  setBlocked: admins.input(blockInputSchema).mutation(({ ctx, input }) => setBlocked(ctx, input)),
});
