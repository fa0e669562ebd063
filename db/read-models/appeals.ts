// The appeal read model, shaped like the application one: the summary every list
// and page shows, the case page in one statement (the appeal with its content,
// events and documents), keyset pages of the staff inbox and of an applicant's
// appeals, and the Order 186 report. Each list's ORDER BY is exactly the key of
// an index from db/migrations/0010_appeal_list_indexes.ts.
import type { InferAttributes } from 'sequelize';
import { APPEAL_STAGE_DEFINITIONS, type AppealKind, type AppealReportRow, type AppealStage, type AppealTopic } from '../../domain/appeal';
import { pageInputSchema, type Page } from '../../domain/lists';
import type { Db } from '..';
import type { Appeal } from '../models';
import { columnsOf, queryRows, selectRows } from '../statements';
import { caseDocumentsJson, caseDocumentView, caseEventsJson, caseEventView, type CaseDocumentJson, type CaseEventJson } from './case-json';
import { decodeCursor, keyOfRow, toPage } from './keyset';
import { canActForApplicant, type ApplicantAccount } from '../../domain/case-access';
import { applicantCaseBind, applicantCaseSql } from './case-access';

export type AppealSummary = ReturnType<typeof appealSummary>;

/** The appeal as every list and page shows it; from a model or a plain row (db/statements.ts). */
export function appealSummary(a: InferAttributes<Appeal>) {
  const definition = APPEAL_STAGE_DEFINITIONS[a.stage];
  return {
    id: a.id,
    number: a.number,
    applicantId: a.applicantId,
    applicantName: a.applicantName,
    topic: a.topic,
    kind: a.kind,
    channel: a.channel,
    answerChannel: a.answerChannel,
    applicationId: a.applicationId,
    assigneeId: a.assigneeId,
    assigneeName: a.assigneeName,
    stage: a.stage,
    stageTitle: definition.title,
    statusLabel: definition.status,
    status: a.status,
    whoActs: a.whoActs,
    deadlineAt: a.deadlineAt?.toISOString() ?? null,
    deadlineTerm: a.deadlineTerm,
    overdue: a.overdue,
    overdueSince: a.overdueSince?.toISOString() ?? null,
    registeredAt: a.registeredAt.toISOString(),
    answeredAt: a.answeredAt?.toISOString() ?? null,
    answeredLate: a.answeredLate,
    reopened: a.reopened,
    finishedAt: a.finishedAt?.toISOString() ?? null,
  };
}

interface AppealPageColumns {
  text: string | null;
  contractNumber: string | null;
  problemTime: string | null;
  events: CaseEventJson[];
  documents: CaseDocumentJson[];
}

/** An appeal's page (summary, what the applicant wrote, events, documents), or null; with an account, only a case it may act on (domain/case-access.ts). */
export async function appealCase(db: Db, id: string, account: ApplicantAccount | null) {
  const [row] = await selectRows<Appeal, AppealPageColumns>(
    db,
    db.Appeal,
    `SELECT ${columnsOf(db.Appeal)}, c.text AS "text", c.contract_number AS "contractNumber", c.problem_time AS "problemTime",
            ${caseEventsJson('appeals')} AS events, ${caseDocumentsJson('appeals')} AS documents
       FROM appeals LEFT JOIN appeal_contents c ON c.id = appeals.id
      WHERE appeals.id = $1`,
    [id],
  );
  if (!row || (account && !canActForApplicant(account, row))) return null;
  const { text, contractNumber, problemTime, events, documents, ...appeal } = row;
  return {
    summary: appealSummary(appeal),
    text: text ?? '',
    contractNumber: contractNumber ?? '',
    problemTime: problemTime ?? '',
    events: events.map(caseEventView),
    documents: documents.map(caseDocumentView),
  };
}

export interface AppealInboxFilter {
  topic?: AppealTopic;
  kind?: AppealKind;
  stage?: AppealStage;
  status?: 'open' | 'answered' | 'closed';
  /** An assignee's id, or null for appeals nobody has taken. */
  assigneeId?: string | null;
  overdue?: boolean;
  query?: string;
  cursor?: string;
  limit: number;
}

// The inbox's order, as the staff queue of applications: overdue first, then the nearest
// deadline (none = last), then the earliest registration, then id; all ascending, so a
// row comparison seeks to the cursor along appeals_inbox_order_idx.
const INBOX_KEY = `(NOT overdue, COALESCE(deadline_at, 'infinity'::timestamptz), registered_at, id)`;
const INBOX_KEY_TEXT = `concat_ws('|', (NOT overdue)::text, COALESCE(deadline_at, 'infinity'::timestamptz)::text, registered_at::text, id::text)`;
const APPLICANT_KEY_TEXT = `concat_ws('|', registered_at::text, id::text)`;

/** «Обращения» for staff: one page of the inbox. The text depends only on which filters are set, so each variant is prepared once. */
export async function appealInboxPage(db: Db, filter: AppealInboxFilter): Promise<Page<AppealSummary>> {
  const where: string[] = [];
  const bind: unknown[] = [];
  const param = (value: unknown) => {
    bind.push(value);
    return `$${bind.length}`;
  };
  if (filter.topic) where.push(`topic = ${param(filter.topic)}`);
  if (filter.kind) where.push(`kind = ${param(filter.kind)}`);
  if (filter.stage) where.push(`stage = ${param(filter.stage)}`);
  if (filter.status) where.push(`status = ${param(filter.status)}`);
  if (filter.overdue !== undefined) where.push(`overdue = ${param(filter.overdue)}`);
  if (filter.assigneeId === null) where.push('assignee_id IS NULL');
  else if (filter.assigneeId) where.push(`assignee_id = ${param(filter.assigneeId)}::uuid`);
  if (filter.query) {
    const like = param(`%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(number ILIKE ${like} OR applicant_name ILIKE ${like})`);
  }
  if (filter.cursor) {
    const [notOverdue, deadline, registered, id] = decodeCursor(filter.cursor, 4);
    where.push(`${INBOX_KEY} > (${param(notOverdue)}::boolean, ${param(deadline)}::timestamptz, ${param(registered)}::timestamptz, ${param(id)}::uuid)`);
  }
  const rows = await selectRows<Appeal, { keyText: string }>(
    db,
    db.Appeal,
    `SELECT ${columnsOf(db.Appeal)}, ${INBOX_KEY_TEXT} AS "keyText" FROM appeals
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${INBOX_KEY.slice(1, -1)} LIMIT ${param(filter.limit + 1)}`,
    bind,
  );
  return toPage(rows, filter.limit, appealSummary, keyOfRow);
}

/** «Мои обращения»: one page of the appeals an account acts on (its own, its organisation's), the newest first. */
export async function applicantAppealsPage(db: Db, account: ApplicantAccount, raw: { cursor?: string; limit?: number } = {}): Promise<Page<AppealSummary>> {
  const input = pageInputSchema.parse(raw);
  const after = input.cursor ? decodeCursor(input.cursor, 2) : null;
  const rows = await selectRows<Appeal, { keyText: string }>(
    db,
    db.Appeal,
    `SELECT ${columnsOf(db.Appeal)}, ${APPLICANT_KEY_TEXT} AS "keyText" FROM appeals
      WHERE ${applicantCaseSql('appeals', '$1', '$2')} ${after ? 'AND (registered_at, id) < ($4::timestamptz, $5::uuid)' : ''}
      ORDER BY registered_at DESC, id DESC LIMIT $3`,
    [...applicantCaseBind(account), input.limit + 1, ...(after ?? [])],
  );
  return toPage(rows, input.limit, appealSummary, keyOfRow);
}

/** Order 186 Appendix 7: counts by topic, kind and channel; answered on time, late, not answered. */
export async function appealReport(db: Db, from: string, to: string): Promise<AppealReportRow[]> {
  const rows = await queryRows<{ topic: string; kind: string; channel: string; total: string; on_time: string; late: string; not_answered: string }>(
    db,
    `SELECT topic, kind, channel, count(*) AS total,
            count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_late = false) AS on_time,
            count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_late = true) AS late,
            -- «Без ответа»: no answer and the term is over (overdue, past its deadline, or closed); an appeal still within its term is not counted.
            count(*) FILTER (WHERE answered_at IS NULL AND (overdue OR deadline_at < now() OR status = 'closed')) AS not_answered
     FROM appeals
     WHERE registered_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Moscow')
       AND registered_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow')
     GROUP BY topic, kind, channel ORDER BY topic, kind, channel`,
    [from, to],
  );
  return rows.map((r) => ({ topic: r.topic, kind: r.kind, channel: r.channel, total: Number(r.total), onTime: Number(r.on_time), late: Number(r.late), notAnswered: Number(r.not_answered) }) as AppealReportRow);
}
