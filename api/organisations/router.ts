// «Организация»: an organisation's employees, invitations and their acceptance (api/organisations/service.ts).
import { z } from 'zod';
import { acceptInvitationSchema, invitationSchema, invitationTokenSchema } from '../../domain/organisation';
import { groupProcedure, publicProcedure, router } from '../trpc';
import { acceptInvitation, invitationByToken, inviteColleague, organisationPage, removeColleague } from './service';

const applicants = groupProcedure('applicants');

export const organisationRouter = router({
  get: applicants.query(({ ctx }) => organisationPage(ctx)),

  /** The organisation's administrator only (checked in the service, with the reason said in Russian). */
  invite: applicants.input(invitationSchema).mutation(({ ctx, input }) => inviteColleague(ctx, input)),

  removeMember: applicants.input(z.object({ userId: z.uuid() })).mutation(({ ctx, input }) => removeColleague(ctx, input.userId)),

  // The invitee has no account yet: the link's token is the credential.
  invitation: publicProcedure.input(z.object({ token: invitationTokenSchema })).query(({ ctx, input }) => invitationByToken(ctx, input.token)),

  acceptInvitation: publicProcedure.input(acceptInvitationSchema).mutation(({ ctx, input }) => acceptInvitation(ctx, input)),
});
