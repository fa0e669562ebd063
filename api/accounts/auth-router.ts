// Logging in and out, registration, recovery and password changes; `me` says who is logged in.
import { changePasswordSchema, forgotPasswordSchema, loginSchema, registrationSchema, setInitialPasswordSchema } from '../../domain/account';
import { publicProcedure, router, sessionProcedure } from '../trpc';
import { changePassword, forgotPassword, logIn, logOut, logOutEverywhere, register, setInitialPassword } from './auth';
import { publicUser } from './service';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => (ctx.session ? publicUser(ctx.session.user) : null)),

  register: publicProcedure.input(registrationSchema).mutation(({ ctx, input }) => register(ctx, input)),

  login: publicProcedure.input(loginSchema).mutation(({ ctx, input }) => logIn(ctx, input)),

  logout: sessionProcedure.mutation(({ ctx }) => logOut(ctx)),

  logoutEverywhere: sessionProcedure.mutation(({ ctx }) => logOutEverywhere(ctx)),

  forgotPassword: publicProcedure.input(forgotPasswordSchema).mutation(({ ctx, input }) => forgotPassword(ctx, input.email)),

  /** Forced change after logging in with an e-mailed password. */
  setInitialPassword: sessionProcedure.input(setInitialPasswordSchema).mutation(({ ctx, input }) => setInitialPassword(ctx, input.newPassword)),

  changePassword: sessionProcedure.input(changePasswordSchema).mutation(({ ctx, input }) => changePassword(ctx, input)),
});
