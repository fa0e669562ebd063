// «Оценить качество»: what an applicant may rate, the one-rating-per-stage
// upsert with its edit window, and the staff summary. Ratings are the
// applicant's own words about a case, not case state, so the API stores them
// itself (like an application's form) instead of sending them to the workflow.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { Op, type Transaction } from 'sequelize';
import { canActForApplicant, type ApplicantAccount } from '../../domain/case-access';
import { applicantCaseWhere } from '../../db/read-models/case-access';
import { STAGE_DEFINITIONS } from '../../domain/application';
import { APPEAL_TOPIC_LABELS } from '../../domain/appeal';
import { formatTerm } from '../../domain/regulations';
import {
  APPEAL_RATING_STAGE,
  completedStages,
  isRateableApplicationStage,
  RATING_CRITERIA,
  RATING_SCORES,
  ratingEditDeadline,
  periodProblem,
  ratingGroupLabel,
  stageOrder,
  type RatingCaseKind,
  type RatingCriterion,
  type RatingForm,
  type RatingGroupBy,
} from '../../domain/rating';
import type { Rating } from '../../db/models';
import { ratingCounts } from '../../db/read-models/ratings';
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
export async function rateableFor(services: ApiServices, account: ApplicantAccount): Promise<RateableItem[]> {
  const { db } = services;
  const [applications, appeals] = await Promise.all([
    db.Application.findAll({ where: applicantCaseWhere(account), order: [['submittedAt', 'DESC']] }),
    db.Appeal.findAll({ where: { [Op.and]: [applicantCaseWhere(account), { stage: APPEAL_RATING_STAGE }] }, order: [['finishedAt', 'DESC']] }),
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
async function ratedCase(services: ApiServices, account: ApplicantAccount, caseId: string, stage: string) {
  const { db } = services;
  if (stage === APPEAL_RATING_STAGE) {
    const appeal = await db.Appeal.findByPk(caseId);
    if (!appeal || !canActForApplicant(account, appeal)) throw notFound('appeal');
    if (appeal.stage !== APPEAL_RATING_STAGE) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Обращение ${appeal.number} ещё не закрыто: оценить его рассмотрение можно после закрытия` });
    }
    return { caseKind: 'appeal' as const, caseNumber: appeal.number, topic: appeal.topic as string | null };
  }
  const application = await db.Application.findByPk(caseId);
  if (!application || !canActForApplicant(account, application) || !isRateableApplicationStage(stage)) throw notFound('application');
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
export async function submitRating(services: ApiServices, account: ApplicantAccount, input: { caseId: string; stage: string } & RatingForm) {
  const { db } = services;
  const userId = account.id;
  const target = await ratedCase(services, account, input.caseId, input.stage);
  const scores: Scores = { clarity: input.clarity, timeliness: input.timeliness, competence: input.competence, overall: input.overall };

  return db.sequelize.transaction(async (transaction: Transaction) => {
    const insertedId = await db.Rating.insertOnce(
      { id: randomUUID(), caseId: input.caseId, caseKind: target.caseKind, caseNumber: target.caseNumber, stage: input.stage, userId, ...scores, comment: input.comment, topic: target.topic },
      transaction,
    );
    if (insertedId) {
      const created = (await db.Rating.findByPk(insertedId, { transaction }))!;
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

/** Counts of each score per criterion and group over a Moscow-time period (a period that is not one is refused); averages follow from them. */
export async function ratingSummary(services: ApiServices, input: { from: string; to: string; groupBy: RatingGroupBy }) {
  const problem = periodProblem(input.from, input.to);
  if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem, cause: Object.assign(new Error(problem), { field: 'to' }) });
  const rows = await ratingCounts(services.db, input);
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
