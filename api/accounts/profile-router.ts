import { profileUpdateSchema } from '../../domain/account';
import { publicUser } from './service';
import { authedProcedure, router } from '../trpc';

// Identifiers (СНИЛС, ИНН, КПП) are not editable here: they change only through staff.
export const profileRouter = router({
  get: authedProcedure.query(({ ctx }) => ({ ...publicUser(ctx.user), consentAt: ctx.user.consentAt?.toISOString() ?? null, consentVersion: ctx.user.consentVersion })),
  update: authedProcedure.input(profileUpdateSchema).mutation(async ({ ctx, input }) => {
    await ctx.db.User.update(input, { where: { id: ctx.user.id } });
    return publicUser({ ...ctx.user, ...input });
  }),
});
