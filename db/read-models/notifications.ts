// «Уведомления»: the feed every page of the cabinet asks for (a prepared statement)
// and its unread count. Staff members and supervisors also see the staff feed.
import { literal, Op, type WhereOptions } from 'sequelize';
import type { Db } from '..';
import type { Notification } from '../models';
import { columnsOf, selectRows } from '../statements';
import { organisationCaseIdsSql } from './case-access';

export interface FeedReader {
  id: string;
  /** Also the notifications addressed to staff as a whole. */
  seesStaffFeed: boolean;
  /** An employee of a company or ИП also reads the notifications of the organisation's cases (db/read-models/case-access.ts). */
  organisationId?: string | null;
}

/** The reader's feed as a model condition (for counts and marking read); the feed SQL below says the same. */
export function feedOf(reader: FeedReader, db: Db): WhereOptions<Notification> {
  const parts: WhereOptions<Notification>[] = [{ userId: reader.id }];
  if (reader.seesStaffFeed) parts.push({ audience: 'staff' });
  if (reader.organisationId) {
    const cases = organisationCaseIdsSql(db.sequelize.escape(reader.organisationId));
    parts.push({ audience: 'user', caseId: { [Op.in]: literal(cases) } });
  }
  return parts.length === 1 ? parts[0]! : { [Op.or]: parts };
}

export async function notificationFeed(db: Db, reader: FeedReader, limit: number) {
  const organisation = reader.organisationId ? ` OR (audience = 'user' AND case_id IN ${organisationCaseIdsSql('$3')})` : '';
  const rows = await selectRows(
    db,
    db.Notification,
    `SELECT ${columnsOf(db.Notification)} FROM notifications WHERE user_id = $1 ${reader.seesStaffFeed ? "OR audience = 'staff'" : ''}${organisation} ORDER BY created_at DESC LIMIT $2`,
    [reader.id, limit, ...(reader.organisationId ? [reader.organisationId] : [])],
  );
  return rows.map((n) => ({ id: n.id, caseId: n.caseId, caseNumber: n.caseNumber, kind: n.kind, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), read: Boolean(n.readAt), audience: n.audience, link: n.link }));
}

export function unreadCount(db: Db, reader: FeedReader): Promise<number> {
  return db.Notification.count({ where: { [Op.and]: [feedOf(reader, db), { readAt: null }] } as WhereOptions<Notification> });
}
