// «Представители» (domain/representation.ts): the applicant grants and revokes powers of
// attorney and sees those naming them; staff verify or refuse them (api/representation/service.ts).
import { z } from 'zod';
import { grantPowerOfAttorneySchema, refusePowerOfAttorneySchema } from '../../domain/representation';
import { groupProcedure, router } from '../trpc';
import { grantPowerOfAttorney, refusePowerOfAttorney, representationPage, revokePowerOfAttorney, staffQueue, verifyPowerOfAttorney } from './service';

const applicants = groupProcedure('applicants');
const byId = z.object({ id: z.uuid() });

export const representationRouter = router({
  get: applicants.query(({ ctx }) => representationPage(ctx)),
  grant: applicants.input(grantPowerOfAttorneySchema).mutation(({ ctx, input }) => grantPowerOfAttorney(ctx, input)),
  revoke: applicants.input(byId).mutation(({ ctx, input }) => revokePowerOfAttorney(ctx, input.id)),
});

export const staffRepresentationRouter = router({
  queue: groupProcedure('readers').query(({ ctx }) => staffQueue(ctx)),
  verify: groupProcedure('staff').input(byId).mutation(({ ctx, input }) => verifyPowerOfAttorney(ctx, input.id)),
  refuse: groupProcedure('staff').input(refusePowerOfAttorneySchema).mutation(({ ctx, input }) => refusePowerOfAttorney(ctx, input.id, input.reason)),
});
