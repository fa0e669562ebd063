// «Уведомления» for the procedures: whose feed a user reads, and marking it read.
import { Op, type WhereOptions } from 'sequelize';
import { inGroup } from '../../domain/roles';
import type { ApplicantAccount } from '../../domain/case-access';
import type { Db } from '../../db';
import type { Notification, UserRecord } from '../../db/models';
import { feedOf, notificationFeed, unreadCount, type FeedReader } from '../../db/read-models/notifications';

/** Staff members and supervisors also read the staff feed; an employee and a representative, their organisation's and principals' cases'. */
export const readerOf = (user: UserRecord & Pick<ApplicantAccount, 'representing'>): FeedReader => ({
  id: user.id,
  seesStaffFeed: inGroup(user.role, 'staff'),
  organisationId: user.organisationId ?? null,
  representing: user.representing ?? [],
});

export const feedFor = (db: Db, user: UserRecord, limit: number) => notificationFeed(db, readerOf(user), limit);

export const unreadFor = (db: Db, user: UserRecord) => unreadCount(db, readerOf(user));

/** Marks the given notifications of the user's feed as read (all of them without ids). */
export async function markRead(db: Db, user: UserRecord, ids: string[] | undefined) {
  const where = { [Op.and]: [feedOf(readerOf(user), db), { readAt: null }, ...(ids ? [{ id: ids }] : [])] } as WhereOptions<Notification>;
  const [count] = await db.Notification.update({ readAt: new Date() }, { where });
  return { marked: count };
}
