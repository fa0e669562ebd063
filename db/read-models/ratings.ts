// «Оценить качество» for staff: how many times each score was given per criterion,
// by stage or by topic, over a period in Moscow time (api/ratings/service.ts
// turns the counts into distributions and averages).
import { APPLICATION_TOPIC_GROUP, RATING_CRITERIA, RATING_SCORES, type RatingGroupBy } from '../../domain/rating';
import type { Db } from '..';
import { queryRows } from '../statements';

/** One row per case kind and group: `case_kind`, `key`, `count` and `<criterion>_<score>` counts, as text. */
export function ratingCounts(db: Db, input: { from: string; to: string; groupBy: RatingGroupBy }): Promise<Array<Record<string, string>>> {
  const key = input.groupBy === 'stage' ? 'stage' : `COALESCE(topic, '${APPLICATION_TOPIC_GROUP}')`;
  // The columns come from the fixed criteria and scores lists, never from input.
  const counts = RATING_CRITERIA.flatMap((c) => RATING_SCORES.map((s) => `count(*) FILTER (WHERE ${c} = ${s}) AS ${c}_${s}`)).join(',\n            ');
  return queryRows<Record<string, string>>(
    db,
    `SELECT case_kind, ${key} AS key, count(*) AS count,
            ${counts}
     FROM ratings
     WHERE created_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Moscow')
       AND created_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow')
     GROUP BY case_kind, key`,
    [input.from, input.to],
  );
}
