// «Уведомления»: the feed every page of the cabinet asks for (a prepared statement)
// and its unread count. Staff members and supervisors also see the staff feed.
import { Op, type WhereOptions } from 'sequelize';
import type { Db } from '..';
import type { Notification } from '../models';
import { columnsOf, selectRows } from '../statements';

export interface FeedReader {
  id: string;
  /** Also the notifications addressed to staff as a whole. */
  seesStaffFeed: boolean;
}

/** The reader's feed as a model condition (for counts and marking read); the feed SQL below says the same. */
export function feedOf(reader: FeedReader): WhereOptions<Notification> {
  return reader.seesStaffFeed ? { [Op.or]: [{ userId: reader.id }, { audience: 'staff' }] } : { userId: reader.id };
}

export async function notificationFeed(db: Db, reader: FeedReader, limit: number) {
  const rows = await selectRows(
    db,
    db.Notification,
    `SELECT ${columnsOf(db.Notification)} FROM notifications WHERE user_id = $1 ${reader.seesStaffFeed ? "OR audience = 'staff'" : ''} ORDER BY created_at DESC LIMIT $2`,
    [reader.id, limit],
  );
  return rows.map((n) => ({ id: n.id, caseId: n.caseId, caseNumber: n.caseNumber, kind: n.kind, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), read: Boolean(n.readAt), audience: n.audience, link: n.link }));
}

export function unreadCount(db: Db, reader: FeedReader): Promise<number> {
  return db.Notification.count({ where: { ...feedOf(reader), readAt: null } as WhereOptions<Notification> });
}
