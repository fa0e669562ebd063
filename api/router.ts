import { adminRouter } from './accounts/admin-router';
import { auditRouter } from './audit/router';
import { calendarsRouter } from './calendars/router';
import { applicationsRouter } from './applications/router';
import { appealsRouter } from './appeals/router';
import { staffAppealsRouter } from './appeals/staff-router';
import { calculatorRouter } from './tariffs/calculator-router';
import { notificationsRouter } from './notifications/router';
import { outagesRouter } from './outages/router';
import { staffApplicationsRouter } from './applications/staff-router';
import { authRouter } from './accounts/auth-router';
import { profileRouter } from './accounts/profile-router';
import { staffRouter } from './accounts/staff-router';
import { tariffsRouter } from './tariffs/router';
import { ratingsRouter } from './ratings/router';
import { transparencyRouter } from './transparency/router';
import { capacityRouter } from './capacity/router';
import { paymentRequisitesRouter } from './payment-requisites/router';
import { supplierRouter } from './supplier/router';
import { departmentsRouter } from './departments/router';
import { organisationRouter } from './organisations/router';
import { representationRouter, staffRepresentationRouter } from './representation/router';
import { conversationsRouter } from './conversations/router';
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
  calendars: calendarsRouter,
  transparency: transparencyRouter,
  capacity: capacityRouter,
  paymentRequisites: paymentRequisitesRouter,
  supplier: supplierRouter,
  departments: departmentsRouter,
  organisation: organisationRouter,
  representation: representationRouter,
  staffRepresentation: staffRepresentationRouter,
  conversations: conversationsRouter,
});

/** The only thing the web client imports from the server. */
export type AppRouter = typeof appRouter;
