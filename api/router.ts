import { adminRouter } from './routers/admin';
import { authRouter } from './routers/auth';
import { profileRouter } from './routers/profile';
import { staffRouter } from './routers/staff';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  staff: staffRouter,
  admin: adminRouter,
});

/** The only thing the web client imports from the server. */
export type AppRouter = typeof appRouter;
