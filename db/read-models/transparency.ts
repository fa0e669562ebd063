// The read-model side of the open figures (issue 21): the stage intervals the
// lead-time dashboard counts in working days, the appeals' answer times, and
// the quarterly connection report of the disclosure standards. Set-based: one
// statement each, whatever the number of cases (bench/read-model-scale.ts).
import { POWER_BANDS, type DisclosureRow, type PowerBand, type StageInterval, type AppealAnswerRow } from '../../domain/transparency';
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
  .map((b) => `WHEN max_power_kw <= ${b.max} THEN '${b.key}'`)
  .join(' ')} ELSE '${POWER_BANDS[POWER_BANDS.length - 1]!.key}' END`;

/** The quarterly connection report by power band: received, annulled, withdrawn, contracts, connections, with their power. */
export async function disclosureRows(db: Db, fromMs: number, untilMs: number): Promise<DisclosureRow[]> {
  const inPeriod = (column: string) => `${column} >= $1 AND ${column} < $2`;
  const rows = await queryRows<Record<keyof Omit<DisclosureRow, 'band'>, string | null> & { band: PowerBand }>(
    db,
    `SELECT ${BAND_SQL} AS band,
            count(*) FILTER (WHERE ${inPeriod('submitted_at')}) AS received,
            sum(max_power_kw) FILTER (WHERE ${inPeriod('submitted_at')}) AS "receivedKw",
            count(*) FILTER (WHERE status = 'annulled' AND ${inPeriod('finished_at')}) AS annulled,
            count(*) FILTER (WHERE status = 'withdrawn' AND ${inPeriod('finished_at')}) AS withdrawn,
            count(*) FILTER (WHERE ${inPeriod('contract_concluded_at')}) AS contracts,
            sum(max_power_kw) FILTER (WHERE ${inPeriod('contract_concluded_at')}) AS "contractsKw",
            count(*) FILTER (WHERE status = 'completed' AND ${inPeriod('finished_at')}) AS connected,
            sum(max_power_kw) FILTER (WHERE status = 'completed' AND ${inPeriod('finished_at')}) AS "connectedKw"
       FROM applications
      WHERE ${inPeriod('submitted_at')} OR ${inPeriod('finished_at')} OR ${inPeriod('contract_concluded_at')}
      GROUP BY 1`,
    [new Date(fromMs), new Date(untilMs)],
  );
  const byBand = new Map(rows.map((r) => [r.band, r]));
  return POWER_BANDS.map(({ key }) => {
    const r = byBand.get(key);
    const n = (v: string | null | undefined) => Number(v ?? 0);
    return {
      band: key,
      received: n(r?.received),
      receivedKw: n(r?.receivedKw),
      annulled: n(r?.annulled),
      withdrawn: n(r?.withdrawn),
      contracts: n(r?.contracts),
      contractsKw: n(r?.contractsKw),
      connected: n(r?.connected),
      connectedKw: n(r?.connectedKw),
    };
  });
}
