// Fills the read models with bench rows in bulk (generate_series, one statement per
// table) and removes them again. Every bench row hangs off an applicant whose e-mail
// ends in BENCH_EMAIL_DOMAIN, so cleaning up never touches anyone else's data.
import { STAGE_DEFINITIONS, STAGES } from '../domain/application';
import type { Db } from '../db';

export const BENCH_EMAIL_DOMAIN = 'scale.bench.invalid';

export interface FillPlan {
  applications: number;
  applicants: number;
  /** Notifications to the applicant per application (submitted, stage changes, documents…). */
  userNotificationsPerApplication: number;
  /** Staff-feed notifications per application. */
  staffNotificationsPerApplication: number;
  /** The first this many applications also get a stage history in case_events (the lead-time dashboard reads it). */
  applicationsWithHistory?: number;
}

export interface FillResult {
  applicantIds: string[];
  /** A case number that exists, for the search-by-number query. */
  sampleNumber: string;
  rows: { users: number; applications: number; notifications: number; events: number; drafts: number };
  ms: { users: number; applications: number; notifications: number; events: number; drafts: number; analyze: number };
}

const ACTIVE_STAGES = STAGES.filter((s) => !STAGE_DEFINITIONS[s].final);
/** Stages after the payment: their cases have a contract (the disclosure report counts it and its fee). */
const CONTRACTED_STAGES = ACTIVE_STAGES.slice(ACTIVE_STAGES.indexOf('awaitingPayment') + 1);
const sqlList = (values: readonly string[]) => `(ARRAY[${values.map((v) => `'${v}'`).join(',')}]::text[])`;
const LAST_NAMES = sqlList(['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Смирнов']);
const FIRST_NAMES = sqlList(['Иван', 'Пётр', 'Олег', 'Анна', 'Мария']);

// Cases over two years: ~60 % in work across every stage (≈ 5 % of them overdue),
// the rest completed, annulled or withdrawn; numbers from a year no real case has.
const APPLICATIONS_SQL = `
  INSERT INTO applications (id, number, applicant_id, applicant_name, category, object_name, object_address, max_power_kw,
    stage, status, who_acts, stage_started_at, deadline_at, deadline_term, overdue, overdue_since, submitted_at, finished_at, contract_concluded_at, last_seq, updated_at)
  SELECT md5('bench-app-' || i)::uuid,
         -- six digits a year, as real numbers have: the millionth case moves to the year before
         'ТП-' || (2019 - i / 1000000) || '-' || lpad((i % 1000000)::text, 6, '0'),
         md5('bench-user-' || (i % $2::int))::uuid,
         ${LAST_NAMES}[1 + (i % $2::int) % 5] || ' ' || ${FIRST_NAMES}[1 + (i % $2::int) % 5],
         (ARRAY['individual15','upTo150','upTo670','over670'])[1 + i % 4],
         (ARRAY['Жилой дом','Садовый дом','Гараж','Магазин','Склад','Мастерская'])[1 + i % 6] || ' № ' || i,
         'г. Тверь, ул. ' || (ARRAY['Лесная','Садовая','Мира','Ленина','Советская','Заречная','Полевая'])[1 + i % 7] || ', д. ' || (1 + i % 180),
         (ARRAY[15, 15, 50, 150, 670, 1000])[1 + i % 6],
         c.stage,
         c.status,
         CASE WHEN c.status <> 'active' THEN 'nobody' WHEN c.stage IN ('awaitingMissingData','awaitingPayment') THEN 'applicant' WHEN c.stage = 'tuFulfilment' THEN 'both' ELSE 'grid' END,
         s.submitted + interval '3 days',
         c.deadline,
         CASE WHEN c.deadline IS NULL THEN NULL ELSE 'term' END,
         COALESCE(c.deadline < now(), false),
         CASE WHEN c.deadline < now() THEN c.deadline END,
         s.submitted,
         CASE WHEN c.status <> 'active' THEN s.submitted + interval '120 days' END,
         -- paid on the day the history enters tuFulfilment (EVENTS_SQL)
         CASE WHEN c.status = 'completed' OR c.stage = ANY(${sqlList(CONTRACTED_STAGES)}) THEN s.submitted + (12 + i % 15) * interval '1 day' END,
         3 + i % 9,
         now()
    FROM generate_series(1, $1::int) AS i
    JOIN LATERAL (SELECT now() - (i % 730) * interval '1 day' - (i % 24) * interval '1 hour' AS submitted) s ON true
    JOIN LATERAL (
      SELECT CASE WHEN r < 0.6 THEN ${sqlList(ACTIVE_STAGES)}[1 + i % ${ACTIVE_STAGES.length}]
                  WHEN r < 0.9 THEN 'completed' WHEN r < 0.97 THEN 'annulled' ELSE 'withdrawn' END AS stage,
             CASE WHEN r < 0.6 THEN 'active' WHEN r < 0.9 THEN 'completed' WHEN r < 0.97 THEN 'annulled' ELSE 'withdrawn' END AS status,
             CASE WHEN r < 0.6 AND i % 10 <> 0 THEN now() + ((i::bigint * 7919) % 400 - 20) * interval '1 hour' * 3 END AS deadline
        FROM (SELECT ((i * 2654435761) % 1000) / 1000.0 AS r) x
    ) c ON true`;

const NOTIFICATIONS_SQL = `
  INSERT INTO notifications (id, user_id, audience, case_id, case_number, kind, title, body, idempotency_key, created_at, read_at, link)
  SELECT md5('bench-note-' || a.id || '-' || k)::uuid,
         CASE WHEN k <= $1::int THEN a.applicant_id END,
         CASE WHEN k <= $1::int THEN 'user' ELSE 'staff' END,
         a.id, a.number,
         (ARRAY['stage','document','reminder','info'])[1 + k % 4],
         a.number || ': этап изменён',
         'Заявка перешла на следующий этап рассмотрения.',
         'bench:' || a.id || ':' || k,
         a.submitted_at + k * interval '1 day',
         CASE WHEN (hashtext(a.id::text)::bigint + k) % 10 <> 0 THEN a.submitted_at + k * interval '1 day' + interval '2 hours' END,
         CASE WHEN k <= $1::int THEN '/applications/' ELSE '/staff/applications/' END || a.id
    FROM applications a
    JOIN users u ON u.id = a.applicant_id AND u.email LIKE '%@${BENCH_EMAIL_DOMAIN}'
   CROSS JOIN generate_series(1, $1::int + $2::int) AS k`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - started)];
}

// A stage history per application as the projection writes it: registered, the completeness
// check, preparing documents, awaiting payment, TU fulfilment, spread over days and weeks
// after submission, each with the deadline set on entry (some stages left late); entering
// awaitingPayment posts the invoice (its amount is what the disclosure report sums).
const EVENTS_PER_APPLICATION = 5;
const EVENTS_SQL = `
  INSERT INTO case_events (case_id, seq, case_kind, type, stage, title, data, deadline_at, at)
  SELECT md5('bench-app-' || i)::uuid, k, 'application', CASE WHEN k = 4 THEN 'documents-posted' ELSE 'stage' END,
         (ARRAY['registered','completenessCheck','preparingDocuments','awaitingPayment','tuFulfilment'])[k], 'bench',
         CASE WHEN k = 4 THEN jsonb_build_object('input', jsonb_build_object('invoiceAmountRub', round(30000 + (i % 5000) * 13.37, 2))) ELSE '{}' END,
         CASE WHEN k > 1 THEN e.at + (ARRAY[0, 3, 10, 5, 180])[k] * interval '1 day' END,
         e.at
    FROM generate_series(1, $1::int) AS i
   CROSS JOIN generate_series(1, ${EVENTS_PER_APPLICATION}) AS k
    JOIN LATERAL (
      SELECT now() - (i % 730) * interval '1 day' - (i % 24) * interval '1 hour'
             + (ARRAY[0, 0.001, 1 + i % 4, 6 + i % 9, 12 + i % 15])[k] * interval '1 day' AS at
    ) e ON true`;

// The filed form of the cases with a history: the disclosure report reads its voltage.
const DRAFTS_SQL = `
  INSERT INTO application_drafts (id, user_id, form, number, submitted_at)
  SELECT a.id, a.applicant_id, jsonb_build_object('voltageKv', (ARRAY[0.23, 0.4, 0.4, 10, 35, 110])[1 + i % 6], 'maxPowerKw', a.max_power_kw), a.number, a.submitted_at
    FROM generate_series(1, $1::int) AS i
    JOIN applications a ON a.id = md5('bench-app-' || i)::uuid`;

export async function fillReadModels(db: Db, plan: FillPlan): Promise<FillResult> {
  await removeBenchRows(db);
  const q = db.sequelize;
  const [, usersMs] = await timed(() =>
    q.query(
      `INSERT INTO users (id, email, role, kind, last_name, first_name, middle_name, must_change_password, consent_at, consent_version)
       SELECT md5('bench-user-' || i)::uuid, 'bench-' || i || '@${BENCH_EMAIL_DOMAIN}', 'applicant', 'individual',
              ${LAST_NAMES}[1 + i % 5], ${FIRST_NAMES}[1 + i % 5], '', false, now(), 'bench'
         FROM generate_series(0, $1::int - 1) AS i`,
      { bind: [plan.applicants] },
    ),
  );
  const [, applicationsMs] = await timed(() => q.query(APPLICATIONS_SQL, { bind: [plan.applications, plan.applicants] }));
  const [, notificationsMs] = await timed(() => q.query(NOTIFICATIONS_SQL, { bind: [plan.userNotificationsPerApplication, plan.staffNotificationsPerApplication] }));
  const withHistory = Math.min(plan.applicationsWithHistory ?? 0, plan.applications);
  const [, eventsMs] = await timed(() => q.query(EVENTS_SQL, { bind: [withHistory] }));
  const [, draftsMs] = await timed(() => q.query(DRAFTS_SQL, { bind: [withHistory] }));
  const [, analyzeMs] = await timed(() => q.query('ANALYZE users, applications, notifications, case_events, application_drafts'));
  const [ids] = (await q.query(`SELECT id FROM users WHERE email LIKE '%@${BENCH_EMAIL_DOMAIN}' ORDER BY email`)) as [Array<{ id: string }>, unknown];
  return {
    applicantIds: ids.map((r) => r.id),
    sampleNumber: `ТП-2019-${String(Math.ceil(plan.applications / 2)).padStart(6, '0')}`,
    rows: {
      users: plan.applicants,
      applications: plan.applications,
      notifications: plan.applications * (plan.userNotificationsPerApplication + plan.staffNotificationsPerApplication),
      events: withHistory * EVENTS_PER_APPLICATION,
      drafts: withHistory,
    },
    ms: { users: usersMs, applications: applicationsMs, notifications: notificationsMs, events: eventsMs, drafts: draftsMs, analyze: analyzeMs },
  };
}

export async function removeBenchRows(db: Db): Promise<void> {
  const bench = `SELECT id FROM users WHERE email LIKE '%@${BENCH_EMAIL_DOMAIN}'`;
  await db.sequelize.query(`
    DELETE FROM notifications WHERE case_id IN (SELECT id FROM applications WHERE applicant_id IN (${bench}));
    DELETE FROM case_events WHERE case_id IN (SELECT id FROM applications WHERE applicant_id IN (${bench}));
    DELETE FROM application_drafts WHERE user_id IN (${bench});
    DELETE FROM sessions WHERE user_id IN (${bench});
    DELETE FROM applications WHERE applicant_id IN (${bench});
    DELETE FROM users WHERE id IN (${bench});`);
}
