import { adminRouter } from './routers/admin';
import { auditRouter } from './routers/audit';
import { applicationsRouter } from './routers/applications';
import { appealsRouter } from './routers/appeals';
import { staffAppealsRouter } from './routers/staff-appeals';
import { calculatorRouter } from './routers/calculator';
import { notificationsRouter } from './routers/notifications';
import { outagesRouter } from './routers/outages';
import { staffApplicationsRouter } from './routers/staff-applications';
import { authRouter } from './routers/auth';
import { profileRouter } from './routers/profile';
import { staffRouter } from './routers/staff';
import { tariffsRouter } from './routers/tariffs';
import { ratingsRouter } from './routers/ratings';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  staff: staffRouter,
  admin: adminRouter,
  applications: applicationsRouter,
  appeals: appealsRouter,
  staffAppeals: staffAppealsRouter,
  notifications: notificationsRouter,
  outages: outagesRouter,
  staffApplications: staffApplicationsRouter,
  audit: auditRouter,
  calculator: calculatorRouter,
  tariffs: tariffsRouter,
  ratings: ratingsRouter,
});

/** The only thing the web client imports from the server. */
export type AppRouter = typeof appRouter;
