// The conversation of a case: its page, a message, the read mark, the menu's unread count.
// Applicants and staff write; auditors only read; suppliers have no part in it.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { postMessageSchema } from '../../domain/conversation';
import { inGroup, type RoleGroup } from '../../domain/roles';
import { authedProcedure, router } from '../trpc';
import { conversationInbox, conversationPage, markConversationRead, postMessage, unreadMessages } from './service';

/** Logged in and in one of the groups; checked before the input is read, like every role guard. */
function groupsProcedure(groups: readonly RoleGroup[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!groups.some((g) => inGroup(ctx.user.role, g))) throw new TRPCError({ code: 'FORBIDDEN', message: 'Недостаточно прав для этого действия' });
    return next();
  });
}

const readers = groupsProcedure(['applicants', 'readers']);
const writers = groupsProcedure(['applicants', 'staff']);
const caseInput = z.object({ caseId: z.uuid({ error: 'Дело не найдено' }) });

export const conversationsRouter = router({
  get: readers.input(caseInput).query(({ ctx, input }) => conversationPage(ctx, input.caseId)),
  post: writers.input(postMessageSchema).mutation(({ ctx, input }) => postMessage(ctx, input)),
  markRead: writers.input(caseInput).mutation(({ ctx, input }) => markConversationRead(ctx, input.caseId)),
  unread: writers.query(({ ctx }) => unreadMessages(ctx)),
  inbox: writers.query(({ ctx }) => conversationInbox(ctx)),
});
