import { inPersonRegistrationSchema } from '../../domain/account';
import { registerApplicant } from './service';
import { groupProcedure, router } from '../trpc';

export const staffRouter = router({
  /** A visitor registered at the office: same checks, the record keeps who registered them. */
  registerVisitor: groupProcedure('staff')
    .input(inPersonRegistrationSchema)
    .mutation(async ({ ctx, input }) => {
      const { consentOnPaper: _signed, ...identity } = input;
      const outcome = await registerApplicant(ctx, identity, { registeredBy: ctx.user.id, consentOnPaper: true });
      return outcome.status === 'created'
        ? { ...outcome, message: `Заявитель зарегистрирован, логин и пароль отправлены на ${input.email}` }
        : { ...outcome, message: 'Учётная запись с этим адресом или этими реквизитами уже есть. Предложите посетителю восстановить пароль' };
    }),
});
