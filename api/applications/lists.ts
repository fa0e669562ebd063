// The application lists, read from the read model a keyset page at a time
// (domain/lists.ts), and the counts the dashboards show. Each list's ORDER BY is
// exactly the key of an index from db/migrations/0009_list_indexes.ts.
import { literal, Op, QueryTypes, type WhereOptions } from 'sequelize';
import { applicationQueueInputSchema, pageInputSchema, type ApplicationQueueInput, type Page } from '../../domain/lists';
import type { Db } from '../../db';
import type { Application } from '../../db/models';
import { applicationSummary } from './service';
import { columnsOf, selectRows } from '../../db/statements';
import { decodeCursor, toPage } from '../http/keyset';

export type ApplicationSummary = ReturnType<typeof applicationSummary>;

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

/** «Поданные заявки»: one page of an applicant's applications, the newest first (every visit of the cabinet: hand-written SQL). */
export async function applicantApplicationsPage(db: Db, applicantId: string, raw: { cursor?: string; limit?: number } = {}): Promise<Page<ApplicationSummary>> {
  const input = pageInputSchema.parse(raw);
  const after = input.cursor ? decodeCursor(input.cursor, 2) : null;
  const rows = await selectRows<Application, { keyText: string }>(
    db,
    db.Application,
    `SELECT ${columnsOf(db.Application)}, ${APPLICANT_KEY_TEXT} AS "keyText" FROM applications
      WHERE applicant_id = $1 ${after ? 'AND (submitted_at, id) < ($3::timestamptz, $4::uuid)' : ''}
      ORDER BY submitted_at DESC, id DESC LIMIT $2`,
    [applicantId, input.limit + 1, ...(after ?? [])],
  );
  return toPage(rows, input.limit, applicationSummary, (row) => row.keyText.split('|'));
}

export interface ApplicantDashboard {
  active: number;
  /** Active applications waiting for the applicant (alone or with the grid). */
  yourTurn: number;
  /** The active application whose running term ends first. */
  nearest: ApplicationSummary | null;
}

export async function applicantDashboard(db: Db, applicantId: string): Promise<ApplicantDashboard> {
  const [counts, nearest] = await Promise.all([
    db.sequelize.query<{ active: string; your_turn: string }>(
      `SELECT count(*) FILTER (WHERE status = 'active') AS active,
              count(*) FILTER (WHERE status = 'active' AND who_acts IN ('applicant', 'both')) AS your_turn
         FROM applications WHERE applicant_id = $1`,
      { bind: [applicantId], type: QueryTypes.SELECT },
    ),
    db.Application.findOne({ where: { applicantId, status: 'active', deadlineAt: { [Op.ne]: null } }, order: [['deadlineAt', 'ASC']] }),
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
  const [row] = await db.sequelize.query<{ active: string; grid_turn: string; overdue: string }>(
    `SELECT count(*) AS active,
            count(*) FILTER (WHERE who_acts = 'grid') AS grid_turn,
            count(*) FILTER (WHERE overdue) AS overdue
       FROM applications WHERE status = 'active'`,
    { type: QueryTypes.SELECT },
  );
  return { active: Number(row?.active ?? 0), gridTurn: Number(row?.grid_turn ?? 0), overdue: Number(row?.overdue ?? 0) };
}
