// The access log: every view of a case's personal data and every download by
// staff, admins or auditors is recorded before the data goes out, so a failed
// write refuses the access instead of leaving it unrecorded.
import { Op, type WhereOptions } from 'sequelize';
import type { Db } from '../../db';
import { userIdsMatching } from '../../db/read-models/audit';
import type { AccessLog } from '../../db/models/access-log';
import { moscowDayStart, type AccessAction, type AccessLogFilter } from '../../domain/audit';
import { inGroup } from '../../domain/roles';
import { caseNumberOf } from './kinds';
import type { DocumentAccessEvent } from '../files/routes';

export type { AccessAction };


export interface AccessRecord {
  userId: string;
  role: string;
  action: AccessAction;
  caseId: string | null;
  caseNumber: string | null;
  detail: string;
}

export async function recordAccess(db: Db, record: AccessRecord): Promise<void> {
  await db.AccessLog.create({ ...record, detail: record.detail.slice(0, 1000) });
}

/** The hook api/files/routes.ts calls before a document's bytes go out. */
export function documentAccessRecorder(db: Db): (event: DocumentAccessEvent) => Promise<void> {
  return async (event) => {
    // Whose accesses are recorded: staff, admins, auditors; the applicant reading their own case is not an audit event.
    if (!inGroup(event.role, 'readers')) return;
    const [doc, found] = await Promise.all([db.Document.findByPk(event.documentId), event.caseId ? caseNumberOf(db, event.caseId) : null]);
    await recordAccess(db, {
      userId: event.userId,
      role: event.role,
      action: 'download-document',
      caseId: event.caseId,
      caseNumber: found?.number ?? null,
      detail: doc ? `«${doc.title}» (${doc.filename}), SHA-256 ${doc.sha256}` : `документ ${event.documentId}`,
    });
  };
}

export async function listAccessLog(db: Db, filter: AccessLogFilter) {
  const where: WhereOptions<AccessLog>[] = [];
  if (filter.action) where.push({ action: filter.action });
  if (filter.caseNumber) where.push({ caseNumber: { [Op.iLike]: `%${escapeLike(filter.caseNumber)}%` } });
  if (filter.from) where.push({ at: { [Op.gte]: moscowDayStart(filter.from) } });
  if (filter.to) where.push({ at: { [Op.lt]: moscowDayStart(filter.to, 1) } });
  if (filter.user) {
    const like = `%${escapeLike(filter.user)}%`;
    where.push({ userId: await userIdsMatching(db, like) });
  }
  const rows = await db.AccessLog.findAll({ where: { [Op.and]: where }, order: [['at', 'DESC'], ['id', 'DESC']], limit: filter.limit });
  const people = await db.User.findAll({ where: { id: [...new Set(rows.map((r) => r.userId))] } });
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => {
    const who = byId.get(r.userId);
    return {
      id: String(r.id),
      at: r.at.toISOString(),
      userId: r.userId,
      userName: who ? [who.lastName, who.firstName, who.middleName].filter(Boolean).join(' ') : null,
      userEmail: who?.email ?? null,
      role: r.role,
      action: r.action,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      detail: r.detail,
    };
  });
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

