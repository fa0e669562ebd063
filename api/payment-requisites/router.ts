// The grid company's bank requisites, which every invoice and its payment QR carry.
// Readers see the versions (who changed what, when); admins save a new one.
import { paymentRequisitesSchema } from '../../domain/payment-requisites';
import { paymentRequisitesHistory, savePaymentRequisites } from '../../db/read-models/payment-requisites';
import { groupProcedure, router } from '../trpc';

export const paymentRequisitesRouter = router({
  /** Newest first; the first is in force for invoices issued from now on. Empty: not configured, invoices say so. */
  history: groupProcedure('readers').query(({ ctx }) => paymentRequisitesHistory(ctx.db)),

  /** A new version from now on; invoices already issued keep the requisites they were issued with. */
  save: groupProcedure('admins')
    .input(paymentRequisitesSchema)
    .mutation(({ ctx, input }) => savePaymentRequisites(ctx.db, input, ctx.user.id)),
});
