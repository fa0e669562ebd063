// The read-model side of the open figures (issue 21): the stage intervals the
// lead-time dashboard counts in working days, the appeals' answer times, and
// the quarterly connection report of the disclosure standards. Set-based: one
// statement each, whatever the number of cases (bench/read-model-scale.ts).
import {
  POWER_BANDS,
  VOLTAGE_LEVELS,
  type AppealAnswerRow,
  type DisclosureFigures,
  type DisclosureRow,
  type DisclosureVoltageRow,
  type PowerBand,
  type StageInterval,
  type VoltageLevel,
} from '../../domain/transparency';
import { REGULATIONS } from '../../domain/regulations';
import type { Db } from '..';
import { queryRows } from '../statements';

/**
 * Every application stage left within [from, until): the stage, the applicant's category,
 * when it was entered (the first event in it), when it was left (the first event of the
 * next stage) and the deadline set on entry. Only cases with an event in the period are
 * windowed (case_events_kind_at_idx), so the cost follows the quarter, not the history.
 */
export function stageIntervals(db: Db, fromMs: number, untilMs: number): Promise<StageInterval[]> {
  return queryRows<StageInterval>(
    db,
    `WITH changes AS (
       SELECT case_id, seq, stage, at, deadline_at,
              stage IS DISTINCT FROM lag(stage) OVER (PARTITION BY case_id ORDER BY seq) AS entry
         FROM case_events
        WHERE case_kind = 'application'
          AND case_id IN (SELECT case_id FROM case_events WHERE case_kind = 'application' AND at >= $1 AND at < $2)
     ), entries AS (
       SELECT case_id, stage, at AS entered_at, deadline_at, lead(at) OVER (PARTITION BY case_id ORDER BY seq) AS left_at
         FROM changes WHERE entry
     )
     SELECT e.stage, a.category, e.entered_at AS "enteredAt", e.left_at AS "leftAt", e.deadline_at AS "deadlineAt"
       FROM entries e JOIN applications a ON a.id = e.case_id
      WHERE e.left_at >= $1 AND e.left_at < $2`,
    [new Date(fromMs), new Date(untilMs)],
  );
}

/** Appeals answered within [from, until): calendar days (Moscow dates) from registration to answer, by topic and overall. */
export async function appealAnswerTimes(db: Db, fromMs: number, untilMs: number): Promise<AppealAnswerRow[]> {
  const rows = await queryRows<{ topic: string | null; count: string; median: number | null; p90: number | null; late: string }>(
    db,
    `SELECT topic, count(*) AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90,
            count(*) FILTER (WHERE answered_late) AS late
       FROM (SELECT topic, answered_late,
                    (answered_at AT TIME ZONE 'Europe/Moscow')::date - (registered_at AT TIME ZONE 'Europe/Moscow')::date AS days
               FROM appeals WHERE answered_at >= $1 AND answered_at < $2) answered
      GROUP BY ROLLUP (topic)
      ORDER BY topic NULLS FIRST`,
    [new Date(fromMs), new Date(untilMs)],
  );
  const round1 = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);
  return rows.map((r) => ({
    topic: r.topic ?? 'all',
    count: Number(r.count),
    medianDays: round1(r.median),
    p90Days: round1(r.p90),
    termDays: REGULATIONS.appealAnswer.amount,
    late: Number(r.late),
    lateShare: Number(r.count) ? Math.round((Number(r.late) / Number(r.count)) * 1000) / 1000 : null,
  }));
}

const BAND_SQL = `CASE ${POWER_BANDS.filter((b) => b.max !== null)
  .map((b) => `WHEN a.max_power_kw <= ${b.max} THEN '${b.key}'`)
  .join(' ')} ELSE '${POWER_BANDS[POWER_BANDS.length - 1]!.key}' END`;

/**
 * The voltage level of a case from its filed form (the draft's id is the application's), 'unknown'
 * when the form holds no number there: looked up once per case of the quarter by primary key, so
 * the cost follows the quarter, not every form ever filed. `caseId` is the SQL of the case's id.
 */
const voltageLevelSql = (caseId: string) =>
  `COALESCE((SELECT CASE WHEN jsonb_typeof(v.kv) IS DISTINCT FROM 'number' THEN NULL ${VOLTAGE_LEVELS.map((l) => (l.maxKv === null ? `ELSE '${l.key}'` : `WHEN v.kv::text::numeric <= ${l.maxKv} THEN '${l.key}'`)).join(' ')} END
               FROM application_drafts d CROSS JOIN LATERAL (SELECT d.form->'voltageKv' AS kv) v WHERE d.id = ${caseId}), 'unknown')`;

/** A number in a jsonb value → kopecks (half up), NULL when it is not a number. */
const kopOfJsonSql = (json: string, perUnit: 1 | 100) => `CASE WHEN jsonb_typeof(${json}) = 'number' THEN round((${json})::text::numeric * ${perUnit})::bigint END`;

/**
 * The case's invoice total in kopecks: the one place that says where it is recorded. The invoice
 * is posted with the contract documents ('documents-posted'; a re-posting replaces it, so the last
 * one counts). Its input holds the invoice computed from the tariff (`invoice.totalKop`, exact, since
 * patch 'invoice-from-tariff'), and the total in roubles (`invoiceAmountRub`: in older cases the amount
 * staff typed). NULL when the case has no such event or no number in it. `caseId` is the SQL of the
 * case's id. Migration 0019's partial index serves this look-up.
 */
export const invoiceTotalKopSql = (caseId: string) =>
  `(SELECT COALESCE(${kopOfJsonSql(`e.data->'input'->'invoice'->'totalKop'`, 1)}, ${kopOfJsonSql(`e.data->'input'->'invoiceAmountRub'`, 100)})
      FROM case_events e WHERE e.case_id = ${caseId} AND e.type = 'documents-posted'
     ORDER BY e.seq DESC LIMIT 1)`;

type FigureRow = Record<keyof DisclosureFigures, string | null> & { cut: 'band' | 'level'; band: PowerBand | null; level: VoltageLevel | null; feeKop: string | null };

/**
 * The quarterly connection report, by power band and by voltage level, in one statement: received,
 * annulled, withdrawn, contracts, connections, with their power, and the fees of the contracts.
 */
export async function disclosureRows(db: Db, fromMs: number, untilMs: number): Promise<{ rows: DisclosureRow[]; voltageRows: DisclosureVoltageRow[] }> {
  const inPeriod = (column: string) => `${column} >= $1 AND ${column} < $2`;
  const rows = await queryRows<FigureRow>(
    db,
    `WITH cases AS (
       SELECT a.status, a.max_power_kw, a.submitted_at, a.finished_at, a.contract_concluded_at,
              ${BAND_SQL} AS band, ${voltageLevelSql('a.id')} AS level,
              -- only the contracts of the quarter need their invoice
              CASE WHEN ${inPeriod('a.contract_concluded_at')} THEN ${invoiceTotalKopSql('a.id')} END AS fee_kop
         FROM applications a
        WHERE ${inPeriod('a.submitted_at')} OR ${inPeriod('a.finished_at')} OR ${inPeriod('a.contract_concluded_at')}
     )
     SELECT CASE WHEN GROUPING(band) = 0 THEN 'band' ELSE 'level' END AS cut, band, level,
            count(*) FILTER (WHERE ${inPeriod('submitted_at')}) AS received,
            sum(max_power_kw) FILTER (WHERE ${inPeriod('submitted_at')}) AS "receivedKw",
            count(*) FILTER (WHERE status = 'annulled' AND ${inPeriod('finished_at')}) AS annulled,
            count(*) FILTER (WHERE status = 'withdrawn' AND ${inPeriod('finished_at')}) AS withdrawn,
            count(*) FILTER (WHERE ${inPeriod('contract_concluded_at')}) AS contracts,
            sum(max_power_kw) FILTER (WHERE ${inPeriod('contract_concluded_at')}) AS "contractsKw",
            sum(fee_kop) AS "feeKop",
            count(*) FILTER (WHERE status = 'completed' AND ${inPeriod('finished_at')}) AS connected,
            sum(max_power_kw) FILTER (WHERE status = 'completed' AND ${inPeriod('finished_at')}) AS "connectedKw"
       FROM cases
      GROUP BY GROUPING SETS ((band), (level))`,
    [new Date(fromMs), new Date(untilMs)],
  );
  const n = (v: string | null | undefined) => Number(v ?? 0);
  const figures = (r: FigureRow | undefined): DisclosureFigures => ({
    received: n(r?.received),
    receivedKw: n(r?.receivedKw),
    annulled: n(r?.annulled),
    withdrawn: n(r?.withdrawn),
    contracts: n(r?.contracts),
    contractsKw: n(r?.contractsKw),
    // Summed in kopecks by PostgreSQL (bigint, exact); roubles with kopecks here.
    contractsFeeRub: n(r?.feeKop) / 100,
    connected: n(r?.connected),
    connectedKw: n(r?.connectedKw),
  });
  const byBand = new Map(rows.filter((r) => r.cut === 'band').map((r) => [r.band, r]));
  const byLevel = new Map(rows.filter((r) => r.cut === 'level').map((r) => [r.level, r]));
  const unknown = byLevel.get('unknown');
  return {
    rows: POWER_BANDS.map(({ key }) => ({ band: key, ...figures(byBand.get(key)) })),
    voltageRows: [...VOLTAGE_LEVELS.map(({ key }) => ({ level: key, ...figures(byLevel.get(key)) })), ...(unknown ? [{ level: 'unknown' as const, ...figures(unknown) }] : [])],
  };
}
