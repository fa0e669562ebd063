import { TRPCError } from '@trpc/server';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { ROLES, staffAccountSchema } from '../../domain/account';
import { invalidateUserSessions } from '../../auth/sessions';
import type { User } from '../../db/models';
import { createStaffAccount, publicUser } from './service';
import { groupProcedure, router } from '../trpc';

const adminProcedure = groupProcedure('admins');

export const adminRouter = router({
  listUsers: adminProcedure
    .input(z.object({ role: z.enum(ROLES).optional(), query: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const where: WhereOptions<User> = {};
      if (input.role) Object.assign(where, { role: input.role });
      if (input.query) {
        const like = `%${input.query}%`;
        Object.assign(where, { [Op.or]: [{ email: { [Op.iLike]: like } }, { lastName: { [Op.iLike]: like } }, { orgName: { [Op.iLike]: like } }] });
      }
      const users = await ctx.db.User.findAll({ where, order: [['createdAt', 'DESC']], limit: input.limit });
      return users.map(publicUser);
    }),

  createStaffAccount: adminProcedure.input(staffAccountSchema).mutation(async ({ ctx, input }) => {
    const outcome = await createStaffAccount(ctx, input, ctx.user.id);
    if (outcome.status === 'exists') throw new TRPCError({ code: 'CONFLICT', message: 'Учётная запись с этим адресом уже есть' });
    return outcome;
  }),

  setBlocked: adminProcedure.input(z.object({ userId: z.uuid(), blocked: z.boolean() })).mutation(async ({ ctx, input }) => {
    if (input.userId === ctx.user.id) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Нельзя заблокировать собственную учётную запись' });
    const user = await ctx.db.User.findByPk(input.userId);
    if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'Учётная запись не найдена' });
    await user.update(input.blocked ? { blockedAt: new Date(), blockedBy: ctx.user.id } : { blockedAt: null, blockedBy: null });
    if (input.blocked) await invalidateUserSessions(ctx.db, user.id);
    return publicUser(user);
  }),
});
