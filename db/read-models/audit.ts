// What the audit screens read from the read models, for any kind of case: the
// table a kind projects into is named by the caller (api/audit/kinds.ts), never
// by input. Whether a table exists at all (an older database may lack a kind's
// migration), a case's number, its stored rows for the check against history,
// the case search, and the people an access-log filter names.
import { QueryTypes } from 'sequelize';
import type { Db } from '..';

/** Whether a read-model table exists. */
export async function tableExists(db: Db, table: string): Promise<boolean> {
  const [row] = await db.sequelize.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', { bind: [table], type: QueryTypes.SELECT });
  return row?.present === true;
}

/** The human number of the case `caseId` in `table`, or null. */
export async function caseNumberIn(db: Db, table: string, caseId: string): Promise<string | null> {
  const [row] = await db.sequelize.query<{ number: string }>(`SELECT number FROM ${table} WHERE id = $1`, { bind: [caseId], type: QueryTypes.SELECT });
  return row?.number ?? null;
}

/** Every column of the case's summary row (null when absent) and of its events, as stored. */
export async function storedCaseRows(db: Db, table: string | null, caseId: string): Promise<{ summary: Record<string, unknown> | null; events: Array<Record<string, unknown>> }> {
  const [summary] = table ? await db.sequelize.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, { bind: [caseId], type: QueryTypes.SELECT }) : [undefined];
  const events = await db.sequelize.query<Record<string, unknown>>('SELECT * FROM case_events WHERE case_id = $1 ORDER BY seq', { bind: [caseId], type: QueryTypes.SELECT });
  return { summary: summary ?? null, events };
}

export interface CaseSearchRow {
  id: string;
  number: string;
  applicant_name: string;
  stage: string;
  status: string;
  overdue: boolean;
  submitted_at: Date;
  finished_at: Date | null;
}

export interface CaseSearchFilter {
  ids?: string[];
  number?: string;
  /** A LIKE pattern, already escaped. */
  applicantLike?: string;
  stage?: string;
  status?: string;
  overdue?: boolean;
  /** Start or close of the case within [from, to). */
  dateColumn: string;
  from?: Date;
  to?: Date;
  limit: number;
}

/** Cases of one kind, the newest first; `startedColumn` is when a case of the kind starts (submitted, registered). */
export async function searchCaseRows(db: Db, table: string, startedColumn: string, f: CaseSearchFilter): Promise<CaseSearchRow[]> {
  const where: string[] = [];
  const bind: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    bind.push(value);
    where.push(sql(`$${bind.length}`));
  };
  if (f.ids) add((n) => `id = ANY(${n}::uuid[])`, f.ids);
  else {
    if (f.number) add((n) => `number = ${n}`, f.number);
    if (f.applicantLike) add((n) => `applicant_name ILIKE ${n}`, f.applicantLike);
    if (f.stage) add((n) => `stage = ${n}`, f.stage);
    if (f.status) add((n) => `status = ${n}`, f.status);
    if (f.overdue !== undefined) add((n) => `overdue = ${n}`, f.overdue);
    if (f.from) add((n) => `${f.dateColumn} >= ${n}`, f.from);
    if (f.to) add((n) => `${f.dateColumn} < ${n}`, f.to);
  }
  bind.push(f.limit);
  return db.sequelize.query<CaseSearchRow>(
    `SELECT id, number, applicant_name, stage, status, overdue, ${startedColumn} AS submitted_at, finished_at FROM ${table}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${startedColumn} DESC LIMIT $${bind.length}`,
    { bind, type: QueryTypes.SELECT },
  );
}

/** Applicants of `table` whose name matches the (escaped) LIKE pattern: at most `limit`. */
export async function applicantIdsByName(db: Db, table: string, like: string, limit: number): Promise<string[]> {
  const rows = await db.sequelize.query<{ applicant_id: string }>(`SELECT DISTINCT applicant_id FROM ${table} WHERE applicant_name ILIKE $1 LIMIT $2`, {
    bind: [like, limit],
    type: QueryTypes.SELECT,
  });
  return rows.map((r) => r.applicant_id);
}

/** Accounts whose e-mail or full name matches the (escaped) LIKE pattern: at most 500. */
export async function userIdsMatching(db: Db, like: string): Promise<string[]> {
  const users = await db.sequelize.query<{ id: string }>(`SELECT id FROM users WHERE email ILIKE $1 OR concat_ws(' ', last_name, first_name, middle_name) ILIKE $1 LIMIT 500`, {
    bind: [like],
    type: QueryTypes.SELECT,
  });
  return users.map((u) => u.id);
}
