// scale: the read models at 100 000 applications. Fills them in bulk (bench/scale-fill.ts),
// then times the staff queue and the applicant's list as the cabinet serves them — tRPC
// over HTTP with real sessions — and the same query functions in-process, over rounds.
// The notes carry EXPLAIN (ANALYZE, BUFFERS) of the exact SQL the API sends, and of the
// queries and indexes before keyset paging (migration 0009), run inside a rolled-back
// transaction that puts the old indexes back for the moment.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { SESSION_COOKIE } from '../api/http/cookies';
import { applicantApplicationsPage, applicationQueuePage } from '../db/read-models/applications';
import { createSession } from '../auth/sessions';
import { connectDb, type Db } from '../db';
import { computeDisclosure, computeLeadTimes } from '../api/transparency/service';
import { calendarInForce } from '../db/read-models/calendars';
import { stageIntervals } from '../db/read-models/transparency';
import { quarterRange, recentQuarters } from '../domain/transparency';
import type { ApplicationQueueInput } from '../domain/lists';
import { apiClient, cookiesOf } from '../tests/support/api-client';
import { median, percentile } from './report';
import { BENCH_EMAIL_DOMAIN, fillReadModels, removeBenchRows, type FillPlan } from './scale-fill';
import type { BenchFigure, BenchSection, BenchTarget } from './types';

/** The full run: a million applications, what a large grid company accumulates over the years (queue and list p99 at that size). */
const PLAN: FillPlan = { applications: 1_000_000, applicants: 40_000, userNotificationsPerApplication: 3, staffNotificationsPerApplication: 1, applicationsWithHistory: 100_000 };
/** The quick (CI smoke) run: 100 000 applications and fewer notifications, minutes instead of a quarter of an hour of filling. */
const QUICK_PLAN: FillPlan = { applications: 100_000, applicants: 4_000, userNotificationsPerApplication: 1, staffNotificationsPerApplication: 0, applicationsWithHistory: 100_000 };
const TARGET_MS = 50;
/** The open figures are computed once per quarter per ten minutes (cached): a second is the bound for one uncached quarter. */
const OPEN_FIGURES_TARGET_MS = 1000;
const DEEP_PAGE = 40;

type Client = ReturnType<typeof apiClient>;

async function sessionClient(db: Db, appUrl: string, userId: string): Promise<Client> {
  const { token } = await createSession(db, userId, { userAgent: 'kabinet-bench' });
  const client = apiClient({ appUrl });
  cookiesOf(client).set(SESSION_COOKIE, token);
  return client;
}

async function benchStaffUser(db: Db): Promise<string> {
  const [rows] = (await db.sequelize.query(
    `INSERT INTO users (id, email, role, last_name, first_name, must_change_password)
     VALUES (gen_random_uuid(), 'staff@${BENCH_EMAIL_DOMAIN}', 'staff', 'Операторова', 'Ольга', false) RETURNING id`,
  )) as [Array<{ id: string }>, unknown];
  return rows[0]!.id;
}

/** Times `count` calls in turn (after a short warm-up); returns the latencies in ms. */
async function timeCalls(count: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await call(i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await call(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The SQL a call sends with its bind parameters: as Sequelize logs it, or as db/statements.ts hands it to the pg pool. */
async function capturedSql(db: Db, call: () => Promise<unknown>): Promise<CapturedSql> {
  const seen: CapturedSql[] = [];
  // Sequelize reads its logging option at each query; the typings do not expose it.
  const { options } = db.sequelize as unknown as { options: { logging: false | ((sql: string, query: { bind?: unknown[] }) => void) } };
  const before = options.logging;
  options.logging = (sql, query) => void seen.push({ sql: sql.replace(/^Executing \([^)]*\): /, '').replace(/;\s*$/, ''), bind: query?.bind });
  const pool = db.pool as unknown as { query(config: { text: string; values?: unknown[] }): Promise<unknown> };
  const poolQuery = pool.query;
  pool.query = (config) => {
    seen.push({ sql: config.text, bind: config.values });
    return poolQuery.call(db.pool, config);
  };
  try {
    await call();
  } finally {
    options.logging = before;
    pool.query = poolQuery;
  }
  if (seen.length !== 1) throw new Error(`expected one statement, saw ${seen.length}: ${seen.map((q) => q.sql).join(' | ')}`);
  return seen[0]!;
}

interface CapturedSql {
  sql: string;
  bind?: unknown[];
}

/** One line of a plan: its top nodes (indexes used), execution time and buffers. */
async function explain(db: Db, label: string, query: string | CapturedSql, transaction?: import('sequelize').Transaction): Promise<{ line: string; ms: number }> {
  const { sql, bind } = typeof query === 'string' ? { sql: query, bind: undefined } : query;
  const [rows] = (await db.sequelize.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, { transaction, bind })) as [Array<{ 'QUERY PLAN': string }>, unknown];
  const lines = rows.map((r) => r['QUERY PLAN']);
  const nodes = lines
    .filter((l) => /->|^\S/.test(l) && !/^(Planning|Execution|Buffers)/.test(l.trim()))
    .map((l) => l.trim().replace(/^->\s*/, '').replace(/\s*\(cost=.*$/, ''))
    .slice(0, 4);
  const time = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
  const buffers = lines.find((l) => l.trim().startsWith('Buffers'))?.trim().replace('Buffers: ', '') ?? '';
  return { line: `${label}: ${time}; ${nodes.join(' → ')}; buffers ${buffers}`, ms: Number.parseFloat(time) };
}

const OLD_QUEUE_SQL = `SELECT * FROM applications ORDER BY overdue DESC, deadline_at IS NULL ASC, deadline_at ASC, submitted_at DESC LIMIT 100`;
const OLD_ACTIVE_SQL = `SELECT * FROM applications WHERE status = 'active' ORDER BY overdue DESC, deadline_at IS NULL ASC, deadline_at ASC, submitted_at DESC LIMIT 500`;
const OLD_SEARCH_SQL = (q: string) => `SELECT * FROM applications WHERE number ILIKE '%${q}%' OR applicant_name ILIKE '%${q}%' OR object_address ILIKE '%${q}%' OR object_name ILIKE '%${q}%' ORDER BY overdue DESC, deadline_at IS NULL ASC, deadline_at ASC, submitted_at DESC LIMIT 100`;
const OLD_APPLICANT_SQL = (id: string) => `SELECT * FROM applications WHERE applicant_id = '${id}' ORDER BY submitted_at DESC`;

/** The previous queries on the previous indexes (0002), in a transaction that is rolled back. */
async function explainBefore(db: Db, applicantId: string, number: string): Promise<string[]> {
  const transaction = await db.sequelize.transaction();
  try {
    await db.sequelize.query(
      `DROP INDEX applications_queue_order_idx, applications_queue_status_idx, applications_queue_stage_idx, applications_applicant_page_idx, applications_search_idx;
       CREATE INDEX applications_queue_idx ON applications (status, stage, deadline_at);
       CREATE INDEX applications_applicant_idx ON applications (applicant_id, submitted_at DESC);`,
      { transaction },
    );
    const plans = [
      await explain(db, 'before: queue (first 100, no paging)', OLD_QUEUE_SQL, transaction),
      await explain(db, 'before: queue «в работе» (first 500, the staff dashboard)', OLD_ACTIVE_SQL, transaction),
      await explain(db, 'before: queue search by number', OLD_SEARCH_SQL(number), transaction),
      await explain(db, "before: applicant's list (all rows)", OLD_APPLICANT_SQL(applicantId), transaction),
    ];
    return plans.map((p) => p.line);
  } finally {
    await transaction.rollback();
  }
}

export async function run(target: BenchTarget): Promise<BenchSection> {
  const rounds = target.quick ? 3 : 5;
  const callsPerRound = target.quick ? 60 : 200;
  const db = connectDb(target.databaseUrl, { poolMax: 4 });
  const notes: string[] = [];
  try {
    const plan = target.quick ? QUICK_PLAN : PLAN;
    target.log(`scale: filling the read models with ${plan.applications} applications…`);
    const fill = await fillReadModels(db, plan);
    target.log(`scale: filled in ${fill.ms.users + fill.ms.applications + fill.ms.notifications + fill.ms.analyze} ms`);
    notes.push(
      `fill (generate_series, one INSERT … SELECT per table, then ANALYZE): ${fill.rows.users} applicants ${fill.ms.users} ms, ${fill.rows.applications} applications ${fill.ms.applications} ms, ${fill.rows.notifications} notifications ${fill.ms.notifications} ms, ANALYZE ${fill.ms.analyze} ms`,
    );

    const staff = await sessionClient(db, target.appUrl, await benchStaffUser(db));
    const applicantIds = fill.applicantIds.filter((_, i) => i % Math.ceil(fill.applicantIds.length / 50) === 0);
    const applicants = await Promise.all(applicantIds.map((id) => sessionClient(db, target.appUrl, id)));

    // A cursor deep in the queue: every page up to it, each row once (keyset pages never repeat).
    let deepCursor: string | undefined;
    const seen = new Set<string>();
    for (let page = 0; page < DEEP_PAGE; page++) {
      const result = await applicationQueuePage(db, { cursor: deepCursor });
      for (const row of result.items) {
        if (seen.has(row.id)) throw new Error(`keyset paging repeated ${row.number} on page ${page + 1}`);
        seen.add(row.id);
      }
      deepCursor = result.nextCursor ?? undefined;
    }
    if (seen.size !== DEEP_PAGE * 50) throw new Error(`the first ${DEEP_PAGE} pages held ${seen.size} rows`);

    const selections: Array<[string, ApplicationQueueInput]> = [
      ['first page', {}],
      ['«в работе»', { status: 'active' }],
      ['overdue only', { overdue: true }],
      ['one stage', { stage: 'preparingDocuments' }],
      ['search by number', { query: fill.sampleNumber }],
      [`page ${DEEP_PAGE + 1} by cursor`, { cursor: deepCursor }],
    ];
    const queueHttp = (i: number) => staff.staffApplications.queue.query(selections[i % selections.length]![1]);
    const queueDirect = (i: number) => applicationQueuePage(db, selections[i % selections.length]![1]);
    const listHttp = (i: number) => applicants[i % applicants.length]!.applications.list.query();
    const listDirect = (i: number) => applicantApplicationsPage(db, { id: applicantIds[i % applicantIds.length]!, organisationId: null });

    const figures: Record<string, BenchFigure> = {};
    const record = (label: string, value: number) => (figures[label] ??= { label, unit: 'ms', rounds: [] }).rounds.push(round1(value));
    const perSelection = new Map<string, number[]>();
    const loadBefore = os.loadavg()[0]!;
    for (let r = 0; r < rounds; r++) {
      target.log(`scale: round ${r + 1}/${rounds}`);
      const queue = await timeCalls(callsPerRound, queueHttp);
      record('staff queue, tRPC over HTTP (6 selections in turn): p99', percentile(queue, 99));
      record('staff queue, tRPC over HTTP: p50', percentile(queue, 50));
      selections.forEach(([name], s) => {
        const mine = queue.filter((_, i) => i % selections.length === s);
        perSelection.set(name, [...(perSelection.get(name) ?? []), percentile(mine, 99)]);
      });
      const list = await timeCalls(callsPerRound, listHttp);
      record("applicant's list, tRPC over HTTP: p99", percentile(list, 99));
      record("applicant's list, tRPC over HTTP: p50", percentile(list, 50));
      record('staff queue, applicationQueuePage in-process: p99', percentile(await timeCalls(callsPerRound, queueDirect), 99));
      record("applicant's list, applicantApplicationsPage in-process: p99", percentile(await timeCalls(callsPerRound, listDirect), 99));
    }
    // The open figures (issue 21) uncached, over the cases with a history: this quarter and the one before, in turn.
    const calendar = await calendarInForce(db);
    const quarters = recentQuarters(Date.now(), 2);
    for (let r = 0; r < rounds * 2; r++) {
      const quarter = quarters[r % 2]!;
      const started = performance.now();
      const leadTimes = await computeLeadTimes(db, quarter, calendar);
      record('lead-time dashboard, one quarter uncached (SQL + working days in TS)', performance.now() - started);
      if (!leadTimes.stages.length) throw new Error(`the lead-time dashboard of ${quarter} is empty over ${fill.rows.events} events`);
      const disclosureStarted = performance.now();
      const disclosure = await computeDisclosure(db, quarter);
      record('disclosure report, one quarter uncached', performance.now() - disclosureStarted);
      // The fees and the voltage cut are looked up per contract and per case: the timing must include them.
      if (!disclosure.total.contractsFeeRub || !disclosure.voltageRows.some((v) => v.level !== 'unknown' && v.contracts)) {
        throw new Error(`the disclosure report of ${quarter} has no fees or no voltage levels: ${JSON.stringify(disclosure.total)}`);
      }
    }
    const range = quarterRange(quarters[0]!);
    const intervals = await stageIntervals(db, range.fromMs, range.untilMs);
    notes.push(`open figures: ${fill.rows.events} stage events of ${fill.rows.events / 5} applications (fill ${fill.ms.events} ms, their filed forms ${fill.ms.drafts} ms); the quarter ${quarters[0]} has ${intervals.length} stage intervals`);
    notes.push(`staff queue over HTTP, p99 of each selection (median of rounds): ${[...perSelection].map(([name, xs]) => `${name} ${round1(median(xs))} ms`).join(', ')}`);

    const after = [
      await explain(db, 'after: queue first page', await capturedSql(db, () => applicationQueuePage(db, {}))),
      await explain(db, 'after: queue «в работе»', await capturedSql(db, () => applicationQueuePage(db, { status: 'active' }))),
      await explain(db, 'after: queue search by number', await capturedSql(db, () => applicationQueuePage(db, { query: fill.sampleNumber }))),
      await explain(db, `after: queue page ${DEEP_PAGE + 1} by cursor`, await capturedSql(db, () => applicationQueuePage(db, { cursor: deepCursor }))),
      await explain(db, "after: applicant's list first page", await capturedSql(db, () => applicantApplicationsPage(db, { id: applicantIds[0]!, organisationId: null }))),
    ];
    const slowestSql = Math.max(...after.map((p) => p.ms));
    notes.push(
      `what the p99 is made of: the SQL itself runs in ≤ ${slowestSql} ms (EXPLAIN ANALYZE below); the rest is the API process (session lookup, tRPC, Sequelize, JSON) and waiting for a core — 1-min load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after the rounds, on ${os.cpus().length} cores`,
    );
    notes.push(...(await explainBefore(db, applicantIds[0]!, fill.sampleNumber)), ...after.map((p) => p.line));

    const all = Object.values(figures);
    const ratioOf = (label: string) => round1(median(figures[label]!.rounds));
    return {
      id: 'scale',
      title: `scale: read models at ${plan.applications.toLocaleString('ru-RU')} rows`,
      figures: [
        ...all,
        { label: `fill: ${plan.applications} applications (INSERT … SELECT generate_series)`, unit: 'ms', rounds: [fill.ms.applications] },
        { label: `fill: ${fill.rows.notifications} notifications`, unit: 'ms', rounds: [fill.ms.notifications] },
      ],
      ratios: [
        { name: 'scale-staff-queue-p99-ms', value: ratioOf('staff queue, tRPC over HTTP (6 selections in turn): p99'), op: '<', target: TARGET_MS },
        { name: 'scale-applicant-list-p99-ms', value: ratioOf("applicant's list, tRPC over HTTP: p99"), op: '<', target: TARGET_MS },
        { name: 'scale-lead-times-uncached-ms', value: ratioOf('lead-time dashboard, one quarter uncached (SQL + working days in TS)'), op: '<', target: OPEN_FIGURES_TARGET_MS },
        { name: 'scale-disclosure-uncached-ms', value: ratioOf('disclosure report, one quarter uncached'), op: '<', target: OPEN_FIGURES_TARGET_MS },
      ],
      notes,
    };
  } finally {
    await removeBenchRows(db).catch((error: unknown) => target.log(`scale: cleaning up failed: ${String(error)}`));
    await db.close();
  }
}
