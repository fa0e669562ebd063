// «Оценить качество»: what an applicant may rate, the one-rating-per-stage
// upsert with its edit window, and the staff summary. Ratings are the
// applicant's own words about a case, not case state, so the API stores them
// itself (like an application's form) instead of sending them to the workflow.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { QueryTypes, type Transaction } from 'sequelize';
import { STAGE_DEFINITIONS } from '../../domain/application';
import { APPEAL_TOPIC_LABELS } from '../../domain/appeal';
import { formatTerm } from '../../domain/regulations';
import {
  APPEAL_RATING_STAGE,
  APPLICATION_TOPIC_GROUP,
  completedStages,
  isRateableApplicationStage,
  RATING_CRITERIA,
  RATING_SCORES,
  ratingEditDeadline,
  ratingGroupLabel,
  stageOrder,
  type RatingCaseKind,
  type RatingCriterion,
  type RatingForm,
  type RatingGroupBy,
} from '../../domain/rating';
import type { Rating } from '../../db/models';
import type { ApiServices } from '../context';

type Scores = Record<RatingCriterion, number>;

const moscowDateTime = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' });

function ratingView(services: ApiServices, r: Rating, now = Date.now()) {
  const editableUntil = ratingEditDeadline(r.createdAt.getTime(), services.terms.ratingEditWindow);
  return {
    clarity: r.clarity,
    timeliness: r.timeliness,
    competence: r.competence,
    overall: r.overall,
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    editableUntil: new Date(editableUntil).toISOString(),
    editable: now <= editableUntil,
  };
}
export type RatingView = ReturnType<typeof ratingView>;

export interface RateableItem {
  caseId: string;
  caseKind: RatingCaseKind;
  caseNumber: string;
  stage: string;
  /** The stage's title, or for an appeal its topic. */
  title: string;
  /** What the case is about: the object of an application, the topic of an appeal. */
  subject: string;
  completedAt: string;
  rating: RatingView | null;
}

/** The applicant's completed application stages and closed appeals, each with its rating if given. */
export async function rateableFor(services: ApiServices, userId: string): Promise<RateableItem[]> {
  const { db } = services;
  const [applications, appeals] = await Promise.all([
    db.Application.findAll({ where: { applicantId: userId }, order: [['submittedAt', 'DESC']] }),
    db.Appeal.findAll({ where: { applicantId: userId, stage: APPEAL_RATING_STAGE }, order: [['finishedAt', 'DESC']] }),
  ]);
  const caseIds = [...applications.map((a) => a.id), ...appeals.map((a) => a.id)];
  if (!caseIds.length) return [];
  const [events, ratings] = await Promise.all([
    db.CaseEvent.findAll({ where: { caseId: applications.map((a) => a.id), caseKind: 'application' }, order: [['seq', 'ASC']] }),
    db.Rating.findAll({ where: { caseId: caseIds } }),
  ]);
  const ratingOf = new Map(ratings.map((r) => [`${r.caseId}:${r.stage}`, r]));
  const now = Date.now();
  const view = (caseId: string, stage: string) => {
    const r = ratingOf.get(`${caseId}:${stage}`);
    return r ? ratingView(services, r, now) : null;
  };

  const items: RateableItem[] = [];
  for (const a of applications) {
    const left = completedStages(events.filter((e) => e.caseId === a.id));
    const stages = [...left.keys()].sort((x, y) => stageOrder(x) - stageOrder(y));
    for (const stage of stages) {
      items.push({
        caseId: a.id,
        caseKind: 'application',
        caseNumber: a.number,
        stage,
        title: `Этап ${STAGE_DEFINITIONS[stage].step}. ${STAGE_DEFINITIONS[stage].title}`,
        subject: a.objectName,
        completedAt: new Date(left.get(stage)!).toISOString(),
        rating: view(a.id, stage),
      });
    }
  }
  for (const a of appeals) {
    items.push({
      caseId: a.id,
      caseKind: 'appeal',
      caseNumber: a.number,
      stage: APPEAL_RATING_STAGE,
      title: 'Рассмотрение обращения',
      subject: APPEAL_TOPIC_LABELS[a.topic],
      completedAt: (a.finishedAt ?? a.updatedAt).toISOString(),
      rating: view(a.id, APPEAL_RATING_STAGE),
    });
  }
  return items;
}

const notFound = (kind: RatingCaseKind) => new TRPCError({ code: 'NOT_FOUND', message: kind === 'appeal' ? 'Обращение не найдено' : 'Заявка не найдена' });

/** The case the rating is about, checked to belong to the user and to have the stage behind it. */
async function ratedCase(services: ApiServices, userId: string, caseId: string, stage: string) {
  const { db } = services;
  if (stage === APPEAL_RATING_STAGE) {
    const appeal = await db.Appeal.findOne({ where: { id: caseId, applicantId: userId } });
    if (!appeal) throw notFound('appeal');
    if (appeal.stage !== APPEAL_RATING_STAGE) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Обращение ${appeal.number} ещё не закрыто: оценить его рассмотрение можно после закрытия` });
    }
    return { caseKind: 'appeal' as const, caseNumber: appeal.number, topic: appeal.topic as string | null };
  }
  const application = await db.Application.findOne({ where: { id: caseId, applicantId: userId } });
  if (!application || !isRateableApplicationStage(stage)) throw notFound('application');
  const events = await db.CaseEvent.findAll({ where: { caseId, caseKind: 'application' }, order: [['seq', 'ASC']] });
  if (!completedStages(events).has(stage)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Этап «${STAGE_DEFINITIONS[stage].title}» по заявке ${application.number} ещё не завершён: оценить этап можно после перехода заявки на следующий этап`,
    });
  }
  return { caseKind: 'application' as const, caseNumber: application.number, topic: null };
}

/**
 * One rating per stage of a case: the first submission creates it, a later one
 * changes it while the edit window runs. The row is locked for the check so two
 * submissions at once cannot both pass it.
 */
export async function submitRating(services: ApiServices, userId: string, input: { caseId: string; stage: string } & RatingForm) {
  const { db } = services;
  const target = await ratedCase(services, userId, input.caseId, input.stage);
  const scores: Scores = { clarity: input.clarity, timeliness: input.timeliness, competence: input.competence, overall: input.overall };

  return db.sequelize.transaction(async (transaction: Transaction) => {
    const [inserted] = await db.sequelize.query<{ id: string }>(
      `INSERT INTO ratings (id, case_id, case_kind, case_number, stage, user_id, clarity, timeliness, competence, overall, comment, topic)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (case_id, stage) DO NOTHING
       RETURNING id`,
      {
        bind: [randomUUID(), input.caseId, target.caseKind, target.caseNumber, input.stage, userId, scores.clarity, scores.timeliness, scores.competence, scores.overall, input.comment, target.topic],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (inserted) {
      const created = (await db.Rating.findByPk(inserted.id, { transaction }))!;
      return { created: true, rating: ratingView(services, created) };
    }

    const existing = (await db.Rating.findOne({ where: { caseId: input.caseId, stage: input.stage }, transaction, lock: transaction.LOCK.UPDATE }))!;
    const deadline = ratingEditDeadline(existing.createdAt.getTime(), services.terms.ratingEditWindow);
    if (Date.now() > deadline) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Срок изменения оценки истёк ${moscowDateTime.format(deadline)} (мск): оценку можно изменить в течение ${formatTerm(services.terms.ratingEditWindow)} после того, как она поставлена`,
      });
    }
    await existing.update({ ...scores, comment: input.comment }, { transaction });
    return { created: false, rating: ratingView(services, existing) };
  });
}

// --- the staff summary -------------------------------------------------------------

export type Distribution = Record<RatingCriterion, number[]>;

export interface SummaryGroup {
  kind: RatingCaseKind;
  key: string;
  label: string;
  count: number;
  /** Average per criterion, to two decimals. */
  averages: Record<RatingCriterion, number>;
  /** How many gave 1, 2, 3, 4, 5 (index 0 is the score 1). */
  distribution: Distribution;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function averagesOf(distribution: Distribution, count: number): Record<RatingCriterion, number> {
  const out = {} as Record<RatingCriterion, number>;
  for (const c of RATING_CRITERIA) out[c] = count ? round2(distribution[c].reduce((sum, n, i) => sum + n * (i + 1), 0) / count) : 0;
  return out;
}

const emptyDistribution = (): Distribution => Object.fromEntries(RATING_CRITERIA.map((c) => [c, RATING_SCORES.map(() => 0)])) as unknown as Distribution;

/** Counts of each score per criterion and group over a Moscow-time period; averages follow from them. */
export async function ratingSummary(services: ApiServices, input: { from: string; to: string; groupBy: RatingGroupBy }) {
  const key = input.groupBy === 'stage' ? 'stage' : `COALESCE(topic, '${APPLICATION_TOPIC_GROUP}')`;
  // The columns come from the fixed criteria and scores lists, never from input.
  const counts = RATING_CRITERIA.flatMap((c) => RATING_SCORES.map((s) => `count(*) FILTER (WHERE ${c} = ${s}) AS ${c}_${s}`)).join(',\n            ');
  const rows = await services.db.sequelize.query<Record<string, string>>(
    `SELECT case_kind, ${key} AS key, count(*) AS count,
            ${counts}
     FROM ratings
     WHERE created_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Moscow')
       AND created_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow')
     GROUP BY case_kind, key`,
    { bind: [input.from, input.to], type: QueryTypes.SELECT },
  );

  const total = emptyDistribution();
  let totalCount = 0;
  const groups: SummaryGroup[] = rows.map((row) => {
    const kind = row.case_kind as RatingCaseKind;
    const count = Number(row.count);
    const distribution = emptyDistribution();
    for (const c of RATING_CRITERIA) {
      for (const s of RATING_SCORES) {
        const n = Number(row[`${c}_${s}`]);
        distribution[c][s - 1] = n;
        total[c][s - 1]! += n;
      }
    }
    totalCount += count;
    return { kind, key: row.key!, label: ratingGroupLabel(input.groupBy, kind, row.key!), count, averages: averagesOf(distribution, count), distribution };
  });
  groups.sort((a, b) => (a.kind === b.kind ? (input.groupBy === 'stage' ? stageOrder(a.key) - stageOrder(b.key) : a.label.localeCompare(b.label, 'ru')) : a.kind === 'application' ? -1 : 1));

  return {
    period: { from: input.from, to: input.to },
    groupBy: input.groupBy,
    total: { count: totalCount, averages: averagesOf(total, totalCount), distribution: total },
    groups,
  };
}
