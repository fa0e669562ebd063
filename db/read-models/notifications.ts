// «Уведомления»: the feed every page of the cabinet asks for (a prepared statement)
// and its unread count. Staff members and supervisors also see the staff feed.
import { literal, Op, type WhereOptions } from 'sequelize';
import type { Db } from '..';
import type { Notification } from '../models';
import { columnsOf, selectRows } from '../statements';
import { reachOf, type ApplicantAccount } from '../../domain/case-access';
import { reachedCaseIdsSql } from './case-access';

/**
 * An employee of a company or ИП also reads the notifications of the organisation's cases, and a
 * representative those of its principals' cases (db/read-models/case-access.ts).
 */
export interface FeedReader extends ApplicantAccount {
  /** Also the notifications addressed to staff as a whole. */
  seesStaffFeed: boolean;
}

/** The cases besides its own whose notifications the reader reads, as bind values; null when there are none. */
function reachBeyondSelf(reader: FeedReader): [string[], string[]] | null {
  const { applicantIds, organisationIds } = reachOf(reader);
  return applicantIds.length > 1 || organisationIds.length ? [applicantIds, organisationIds] : null;
}

/** The reader's feed as a model condition (for counts and marking read); the feed SQL below says the same. */
export function feedOf(reader: FeedReader, db: Db): WhereOptions<Notification> {
  const parts: WhereOptions<Notification>[] = [{ userId: reader.id }];
  if (reader.seesStaffFeed) parts.push({ audience: 'staff' });
  const reach = reachBeyondSelf(reader);
  if (reach) {
    const array = (ids: string[]) => `ARRAY[${ids.map((id) => db.sequelize.escape(id)).join(',')}]::uuid[]`;
    parts.push({ audience: 'user', caseId: { [Op.in]: literal(reachedCaseIdsSql(array(reach[0]), array(reach[1]))) } });
  }
  return parts.length === 1 ? parts[0]! : { [Op.or]: parts };
}

export async function notificationFeed(db: Db, reader: FeedReader, limit: number) {
  const reach = reachBeyondSelf(reader);
  const reached = reach ? ` OR (audience = 'user' AND case_id IN ${reachedCaseIdsSql('$3', '$4')})` : '';
  const rows = await selectRows(
    db,
    db.Notification,
    `SELECT ${columnsOf(db.Notification)} FROM notifications WHERE user_id = $1 ${reader.seesStaffFeed ? "OR audience = 'staff'" : ''}${reached} ORDER BY created_at DESC LIMIT $2`,
    [reader.id, limit, ...(reach ?? [])],
  );
  return rows.map((n) => ({ id: n.id, caseId: n.caseId, caseNumber: n.caseNumber, kind: n.kind, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), read: Boolean(n.readAt), audience: n.audience, link: n.link }));
}

export function unreadCount(db: Db, reader: FeedReader): Promise<number> {
  return db.Notification.count({ where: { [Op.and]: [feedOf(reader, db), { readAt: null }] } as WhereOptions<Notification> });
}
