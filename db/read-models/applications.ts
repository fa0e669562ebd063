// The application read model: the summary every list and page shows, the case
// page in one statement, the keyset pages of the staff queue and of an applicant's
// applications, and the dashboards' counts. Each list's ORDER BY is exactly the key
// of an index from db/migrations/0009_list_indexes.ts.
import { literal, Op, type InferAttributes, type WhereOptions } from 'sequelize';
import { STAGE_DEFINITIONS, type Stage } from '../../domain/application';
import { applicationQueueInputSchema, pageInputSchema, type ApplicationQueueInput, type Page } from '../../domain/lists';
import { penaltyAsOf, type LateParty } from '../../domain/penalties';
import { asInvoice, type Invoice } from '../../domain/invoice';
import type { Db } from '..';
import type { Application } from '../models';
import { columnsOf, queryRows, selectRows } from '../statements';
import { caseDocumentsJson, caseEventsJson, type CaseDocumentJson, type CaseEventJson, caseDocumentView, caseEventView } from './case-json';
import { decodeCursor, keyOfRow, toPage } from './keyset';
import { canActForApplicant, type ApplicantAccount } from '../../domain/case-access';
import { applicantCaseBind, applicantCaseSql, applicantCaseWhere } from './case-access';

export type ApplicationSummary = ReturnType<typeof applicationSummary>;

/** The application as every list and page shows it; from a model or a plain row (db/statements.ts). */
export function applicationSummary(a: InferAttributes<Application>) {
  const definition = STAGE_DEFINITIONS[a.stage as Stage];
  return {
    id: a.id,
    number: a.number,
    applicantId: a.applicantId,
    applicantName: a.applicantName,
    category: a.category,
    objectName: a.objectName,
    objectAddress: a.objectAddress,
    maxPowerKw: Number(a.maxPowerKw),
    stage: a.stage as Stage,
    stageTitle: definition.title,
    statusLabel: definition.status,
    status: a.status,
    whoActs: a.whoActs,
    stageStartedAt: a.stageStartedAt.toISOString(),
    deadlineAt: a.deadlineAt?.toISOString() ?? null,
    deadlineTerm: a.deadlineTerm,
    overdue: a.overdue,
    overdueSince: a.overdueSince?.toISOString() ?? null,
    submittedAt: a.submittedAt.toISOString(),
    contractConcludedAt: a.contractConcludedAt?.toISOString() ?? null,
    finishedAt: a.finishedAt?.toISOString() ?? null,
    annulReason: a.annulReason,
    connectionDeadlineAt: a.connectionDeadlineAt?.toISOString() ?? null,
    gridTuDoneAt: a.gridTuDoneAt?.toISOString() ?? null,
    applicantTuDoneAt: a.applicantTuDoneAt?.toISOString() ?? null,
    lateParty: (a.lateParty ?? null) as LateParty | null,
    // The recorded assessment carried forward to today: a running penalty grows each Moscow day without a workflow event.
    penalty: a.penalty ? penaltyAsOf(a.penalty, Date.now()) : null,
    paymentSchedule: a.paymentSchedule ?? null,
    /** A part of the payment schedule is overdue: the applicant's debt, shown apart from the grid's lateness. */
    instalmentOverdue: a.instalmentOverdue ?? false,
    /** The supplier of last resort's draft supply contract: its stage, term and what it posted (null in cases before the change). */
    supplierTrack: a.supplierTrack ?? null,
    /** Who holds the case in its stage (issue 20), shown in the queues and on the staff page. */
    holderId: a.holderId ?? null,
    holderName: a.holderName ?? null,
    heldSince: a.heldSince?.toISOString() ?? null,
  };
}

/**
 * The invoice the contract documents were posted with (domain/invoice.ts): the workflow stores
 * it in the input of the documents-posted event (activities record it; case_events is the read
 * model). Null before the documents, and for cases whose invoice amount staff typed.
 */
function postedInvoice(events: CaseEventJson[]): Invoice | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== 'documents-posted') continue;
    const input = e.data.input as { invoice?: unknown } | undefined;
    return asInvoice(input?.invoice);
  }
  return null;
}

/** The page's events and documents as JSON columns of the application row; bench «read» sends the same to its bare reference. */
export const CASE_PAGE_JSON_COLUMNS = `${caseEventsJson('applications')} AS events, ${caseDocumentsJson('applications')} AS documents`;

/** An application's page (summary, events, documents), or null when there is none; with an account, only a case it may act on (domain/case-access.ts). */
export async function applicationCase(db: Db, id: string, account: ApplicantAccount | null) {
  const [row] = await selectRows<Application, { events: CaseEventJson[]; documents: CaseDocumentJson[] }>(
    db,
    db.Application,
    `SELECT ${columnsOf(db.Application)}, ${CASE_PAGE_JSON_COLUMNS}
       FROM applications WHERE id = $1`,
    [id],
  );
  if (!row || (account && !canActForApplicant(account, row))) return null;
  const { events, documents, ...application } = row;
  return {
    summary: applicationSummary(application),
    events: events.map(caseEventView),
    documents: documents.map(caseDocumentView),
    invoice: postedInvoice(events),
  };
}


// The queue's order: overdue first, then the nearest deadline (none = last), then the
// earliest submission, then id. All ascending, so a row comparison can seek to a cursor.
const QUEUE_KEY = `(NOT overdue, COALESCE(deadline_at, 'infinity'::timestamptz), submitted_at, id)`;
const QUEUE_CURSOR = `(?::boolean, ?::timestamptz, ?::timestamptz, ?::uuid)`;
// PostgreSQL's own text of each key part, so the cursor keeps microseconds.
const QUEUE_KEY_TEXT = `concat_ws('|', (NOT overdue)::text, COALESCE(deadline_at, 'infinity'::timestamptz)::text, submitted_at::text, id::text)`;
const APPLICANT_KEY_TEXT = `concat_ws('|', submitted_at::text, id::text)`;

const CASE_NUMBER = /^ТП-\d{4}-\d{6}$/i;

const keyText = (row: Application) => String(row.get('keyText')).split('|');

/** «Заявки на ТП»: one page of the staff queue. */
export async function applicationQueuePage(db: Db, raw: ApplicationQueueInput): Promise<Page<ApplicationSummary>> {
  const input = applicationQueueInputSchema.parse(raw);
  const where: WhereOptions<Application>[] = [];
  if (input.stage) where.push({ stage: input.stage });
  if (input.status) where.push({ status: input.status });
  if (input.overdue !== undefined) where.push({ overdue: input.overdue });
  if (input.query && CASE_NUMBER.test(input.query)) {
    // A whole case number, the usual search: the unique index finds it at once.
    where.push({ number: input.query.toUpperCase() });
  } else if (input.query) {
    // Any part of the number, applicant, object or address: the trigram index applications_search_idx.
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push({ [Op.or]: [{ number: { [Op.iLike]: like } }, { applicantName: { [Op.iLike]: like } }, { objectAddress: { [Op.iLike]: like } }, { objectName: { [Op.iLike]: like } }] });
  }
  if (input.cursor) {
    const escaped = decodeCursor(input.cursor, 4).map((v) => db.sequelize.escape(v));
    let i = 0;
    where.push(literal(`${QUEUE_KEY} > ${QUEUE_CURSOR.replace(/\?/g, () => escaped[i++]!)}`) as WhereOptions<Application>);
  }
  const rows = await db.Application.findAll({
    attributes: { include: [[literal(QUEUE_KEY_TEXT), 'keyText']] },
    where: { [Op.and]: where },
    order: [
      [literal('NOT overdue'), 'ASC'],
      [literal(`COALESCE(deadline_at, 'infinity'::timestamptz)`), 'ASC'],
      ['submittedAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit: input.limit + 1,
  });
  return toPage(rows, input.limit, applicationSummary, keyText);
}

/** «Поданные заявки»: one page of the applications an account acts on (its own, its organisation's), the newest first (every visit of the cabinet: hand-written SQL). */
export async function applicantApplicationsPage(db: Db, account: ApplicantAccount, raw: { cursor?: string; limit?: number } = {}): Promise<Page<ApplicationSummary>> {
  const input = pageInputSchema.parse(raw);
  const after = input.cursor ? decodeCursor(input.cursor, 2) : null;
  const rows = await selectRows<Application, { keyText: string }>(
    db,
    db.Application,
    `SELECT ${columnsOf(db.Application)}, ${APPLICANT_KEY_TEXT} AS "keyText" FROM applications
      WHERE ${applicantCaseSql('applications', '$1', '$2')} ${after ? 'AND (submitted_at, id) < ($4::timestamptz, $5::uuid)' : ''}
      ORDER BY submitted_at DESC, id DESC LIMIT $3`,
    [...applicantCaseBind(account), input.limit + 1, ...(after ?? [])],
  );
  return toPage(rows, input.limit, applicationSummary, keyOfRow);
}

export interface ApplicantDashboard {
  active: number;
  /** Active applications waiting for the applicant (alone or with the grid). */
  yourTurn: number;
  /** The active application whose running term ends first. */
  nearest: ApplicationSummary | null;
}

export async function applicantDashboard(db: Db, account: ApplicantAccount): Promise<ApplicantDashboard> {
  const [counts, nearest] = await Promise.all([
    queryRows<{ active: string; your_turn: string }>(
      db,
      `SELECT count(*) FILTER (WHERE status = 'active') AS active,
              count(*) FILTER (WHERE status = 'active' AND who_acts IN ('applicant', 'both')) AS your_turn
         FROM applications WHERE ${applicantCaseSql('applications', '$1', '$2')}`,
      applicantCaseBind(account),
    ),
    db.Application.findOne({ where: { [Op.and]: [applicantCaseWhere(account), { status: 'active', deadlineAt: { [Op.ne]: null } }] }, order: [['deadlineAt', 'ASC']] }),
  ]);
  return { active: Number(counts[0]?.active ?? 0), yourTurn: Number(counts[0]?.your_turn ?? 0), nearest: nearest ? applicationSummary(nearest) : null };
}

export interface StaffDashboard {
  active: number;
  /** Active applications on the grid's stages. */
  gridTurn: number;
  overdue: number;
}

export async function staffDashboard(db: Db): Promise<StaffDashboard> {
  const [row] = await queryRows<{ active: string; grid_turn: string; overdue: string }>(
    db,
    `SELECT count(*) AS active,
            count(*) FILTER (WHERE who_acts = 'grid') AS grid_turn,
            count(*) FILTER (WHERE overdue) AS overdue
       FROM applications WHERE status = 'active'`,
    [],
  );
  return { active: Number(row?.active ?? 0), gridTurn: Number(row?.grid_turn ?? 0), overdue: Number(row?.overdue ?? 0) };
}
