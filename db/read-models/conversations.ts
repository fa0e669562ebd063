// The conversation of a case (issue 20 item 5): its messages as the projection
// stores them (activities/conversations.ts), each side's read mark, and the
// unread counts of the menu. An applicant's reads never return internal notes:
// the condition is in the SQL, not left to the caller.
import type { Db } from '..';
import type { ConversationMessage, ConversationSide, MessageView } from '../../domain/conversation';
import { queryRows } from '../statements';

/** Stores a message (idempotent), links its files to the case, and marks the author's side as having read up to it. */
export async function storeMessage(db: Db, m: ConversationMessage): Promise<void> {
  await queryRows(
    db,
    `INSERT INTO case_messages (case_id, n, case_kind, case_number, applicant_id, side, author_id, author_name, author_role, internal, text, attachments, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (case_id, n) DO NOTHING`,
    [m.caseId, m.n, m.caseKind, m.caseNumber, m.applicantId, m.side, m.author.id, m.author.name, m.author.role, m.internal, m.text, JSON.stringify(m.attachments), new Date(m.at)],
  );
  const ids = m.attachments.map((a) => a.id);
  if (ids.length > 0) {
    // The API checked the author uploaded them and they belong to no case; here they become the case's, once.
    await queryRows(db, `UPDATE documents SET case_id = $1, stage = 'conversation' WHERE id = ANY($2::uuid[]) AND owner_id = $3 AND case_id IS NULL`, [m.caseId, ids, m.author.id]);
  }
  await markRead(db, m.caseId, m.side, m.n, m.author.id, new Date(m.at));
}

/** Moves a side's read mark forward (never back). */
export async function markRead(db: Db, caseId: string, side: ConversationSide, n: number, readerId: string | null, at = new Date()): Promise<void> {
  await queryRows(
    db,
    `INSERT INTO conversation_reads (case_id, side, read_n, reader_id, read_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (case_id, side) DO UPDATE SET read_n = EXCLUDED.read_n, reader_id = EXCLUDED.reader_id, read_at = EXCLUDED.read_at
     WHERE conversation_reads.read_n < EXCLUDED.read_n`,
    [caseId, side, n, readerId, at],
  );
}

interface MessageRow {
  n: number;
  at: Date;
  side: ConversationSide;
  author_name: string;
  internal: boolean;
  text: string;
  attachments: Array<{ id: string; filename: string }>;
  read: boolean;
}

/** The conversation of a case as `side` sees it, oldest first; the applicant's side never sees internal notes. */
export async function conversationOf(db: Db, caseId: string, side: ConversationSide): Promise<MessageView[]> {
  const rows = await queryRows<MessageRow>(
    db,
    `SELECT m.n, m.at, m.side, m.author_name, m.internal, m.text, m.attachments,
            COALESCE(r.read_n >= m.n, false) AS read
       FROM case_messages m
       LEFT JOIN conversation_reads r ON r.case_id = m.case_id AND r.side <> m.side
      WHERE m.case_id = $1 AND ($2 = 'grid' OR NOT m.internal)
      ORDER BY m.n`,
    [caseId, side],
  );
  return rows.map((r) => ({ n: r.n, at: r.at.toISOString(), side: r.side, authorName: r.author_name, internal: r.internal, text: r.text, attachments: r.attachments, read: !r.internal && r.read }));
}

/** The highest message number `side` may see in the case (0 when there is none). */
export async function lastVisible(db: Db, caseId: string, side: ConversationSide): Promise<number> {
  const [row] = await queryRows<{ n: number | null }>(db, `SELECT max(n) AS n FROM case_messages WHERE case_id = $1 AND ($2 = 'grid' OR NOT internal)`, [caseId, side]);
  return row?.n ?? 0;
}

/** Messages from the grid an applicant has not read, over all their cases. */
export async function applicantUnread(db: Db, applicantId: string): Promise<number> {
  const [row] = await queryRows<{ count: string }>(
    db,
    `SELECT count(*) AS count FROM case_messages m
       LEFT JOIN conversation_reads r ON r.case_id = m.case_id AND r.side = 'applicant'
      WHERE m.applicant_id = $1 AND m.side = 'grid' AND NOT m.internal AND m.n > COALESCE(r.read_n, 0)`,
    [applicantId],
  );
  return Number(row?.count ?? 0);
}

/** Messages from applicants nobody of the grid has read yet, over all cases (the staff menu). */
export async function gridUnread(db: Db): Promise<number> {
  const [row] = await queryRows<{ count: string }>(
    db,
    `SELECT count(*) AS count FROM case_messages m
       LEFT JOIN conversation_reads r ON r.case_id = m.case_id AND r.side = 'grid'
      WHERE m.side = 'applicant' AND m.n > COALESCE(r.read_n, 0)`,
    [],
  );
  return Number(row?.count ?? 0);
}

/** Tells open pages of the case that a read mark moved (the other side's «прочитано»). */
export async function announceRead(db: Db, caseId: string, applicantId: string): Promise<void> {
  await queryRows(db, `SELECT pg_notify('kabinet_live', $1)`, [JSON.stringify({ caseId, userId: applicantId, kind: 'case' })]);
}

/** Files a user uploaded (/api/uploads) that belong to no case yet, with their names: what a message may carry. */
export async function unattachedUploads(db: Db, ownerId: string, ids: string[]): Promise<Array<{ id: string; filename: string }>> {
  if (ids.length === 0) return [];
  return queryRows<{ id: string; filename: string }>(db, `SELECT id, filename FROM documents WHERE id = ANY($1::uuid[]) AND owner_id = $2 AND case_id IS NULL`, [ids, ownerId]);
}

export interface InboxRow {
  caseId: string;
  kind: 'application' | 'appeal';
  number: string;
  unread: number;
  lastAt: string;
}

/**
 * «Сообщения»: an applicant's conversations (every case of theirs that has one, unread first),
 * or for the grid the cases whose applicant wrote something nobody of the grid has read yet.
 */
export async function inboxOf(db: Db, side: ConversationSide, applicantId: string | null): Promise<InboxRow[]> {
  const rows = await queryRows<{ case_id: string; case_kind: 'application' | 'appeal'; case_number: string; unread: string; last_at: Date }>(
    db,
    side === 'applicant'
      ? `SELECT m.case_id, m.case_kind, m.case_number, max(m.at) AS last_at,
                count(*) FILTER (WHERE m.side = 'grid' AND m.n > COALESCE(r.read_n, 0)) AS unread
           FROM case_messages m
           LEFT JOIN conversation_reads r ON r.case_id = m.case_id AND r.side = 'applicant'
          WHERE m.applicant_id = $1 AND NOT m.internal
          GROUP BY m.case_id, m.case_kind, m.case_number
          ORDER BY unread DESC, last_at DESC LIMIT 100`
      : `SELECT m.case_id, m.case_kind, m.case_number, max(m.at) AS last_at, count(*) AS unread
           FROM case_messages m
           LEFT JOIN conversation_reads r ON r.case_id = m.case_id AND r.side = 'grid'
          WHERE m.side = 'applicant' AND m.n > COALESCE(r.read_n, 0) AND ($1::uuid IS NULL OR m.applicant_id = $1)
          GROUP BY m.case_id, m.case_kind, m.case_number
          ORDER BY last_at DESC LIMIT 100`,
    [applicantId],
  );
  return rows.map((r) => ({ caseId: r.case_id, kind: r.case_kind, number: r.case_number, unread: Number(r.unread), lastAt: r.last_at.toISOString() }));
}
