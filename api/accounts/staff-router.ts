// What staff do for visitors at the office.
import { inPersonRegistrationSchema } from '../../domain/account';
import { groupProcedure, router } from '../trpc';
import { registerVisitor } from './pages';

export const staffRouter = router({
  /** A visitor registered at the office: same checks, the record keeps who registered them. */
  registerVisitor: groupProcedure('staff').input(inPersonRegistrationSchema).mutation(({ ctx, input }) => registerVisitor(ctx, input)),
});
