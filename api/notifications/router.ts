// «Уведомления»: the user's feed, unread count, mark as read. Staff also see the staff feed.
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import type { Notification } from '../../db/models';
import { columnsOf, selectRows } from '../../db/statements';
import { authedProcedure, router } from '../trpc';
import type { UserRecord } from '../../db/models';

const seesStaffFeed = (user: UserRecord) => user.role === 'staff' || user.role === 'admin';

function feedOf(user: UserRecord): WhereOptions<Notification> {
  return seesStaffFeed(user) ? { [Op.or]: [{ userId: user.id }, { audience: 'staff' }] } : { userId: user.id };
}

export const notificationsRouter = router({
  list: authedProcedure.input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 })).query(async ({ ctx, input }) => {
    // Every page of the cabinet asks for this: hand-written SQL (db/statements.ts), the same feed as feedOf.
    const rows = await selectRows(
      ctx.db,
      ctx.db.Notification,
      `SELECT ${columnsOf(ctx.db.Notification)} FROM notifications WHERE user_id = $1 ${seesStaffFeed(ctx.user) ? "OR audience = 'staff'" : ''} ORDER BY created_at DESC LIMIT $2`,
      [ctx.user.id, input.limit],
    );
    return rows.map((n) => ({ id: n.id, caseId: n.caseId, caseNumber: n.caseNumber, kind: n.kind, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), read: Boolean(n.readAt), audience: n.audience, link: n.link }));
  }),

  unreadCount: authedProcedure.query(({ ctx }) => ctx.db.Notification.count({ where: { ...feedOf(ctx.user), readAt: null } as WhereOptions<Notification> })),

  markRead: authedProcedure.input(z.object({ ids: z.array(z.uuid()).max(500).optional() })).mutation(async ({ ctx, input }) => {
    const where = { [Op.and]: [feedOf(ctx.user), { readAt: null }, ...(input.ids ? [{ id: input.ids }] : [])] } as WhereOptions<Notification>;
    const [count] = await ctx.db.Notification.update({ readAt: new Date() }, { where });
    return { marked: count };
  }),
});
