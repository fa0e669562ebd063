import { adminRouter } from './routers/admin';
import { applicationsRouter } from './routers/applications';
import { notificationsRouter } from './routers/notifications';
import { staffApplicationsRouter } from './routers/staff-applications';
import { authRouter } from './routers/auth';
import { profileRouter } from './routers/profile';
import { staffRouter } from './routers/staff';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  staff: staffRouter,
  admin: adminRouter,
  applications: applicationsRouter,
  notifications: notificationsRouter,
  staffApplications: staffApplicationsRouter,
});

/** The only thing the web client imports from the server. */
export type AppRouter = typeof appRouter;
