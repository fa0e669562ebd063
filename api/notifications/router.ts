// «Уведомления»: the user's feed, unread count, mark as read. Staff also see the staff feed.
import { z } from 'zod';
import { authedProcedure, router } from '../trpc';
import { feedFor, markRead, unreadFor } from './service';

export const notificationsRouter = router({
  list: authedProcedure.input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 })).query(({ ctx, input }) => feedFor(ctx.db, ctx.user, input.limit)),

  unreadCount: authedProcedure.query(({ ctx }) => unreadFor(ctx.db, ctx.user)),

  markRead: authedProcedure.input(z.object({ ids: z.array(z.uuid()).max(500).optional() })).mutation(({ ctx, input }) => markRead(ctx.db, ctx.user, input.ids)),
});
