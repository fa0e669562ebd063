// The user's own profile. Identifiers (СНИЛС, ИНН, КПП) are not editable here: they change only through staff.
import { profileUpdateSchema } from '../../domain/account';
import { authedProcedure, router } from '../trpc';
import { profileOf, updateProfile } from './pages';

export const profileRouter = router({
  get: authedProcedure.query(({ ctx }) => profileOf(ctx.user)),

  update: authedProcedure.input(profileUpdateSchema).mutation(({ ctx, input }) => updateProfile(ctx, input)),
});
