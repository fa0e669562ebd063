// «Оценить качество» (DOMAIN §5): after each completed stage of an application
// and after an appeal closes, the applicant rates the service 1–5 on four
// criteria. Order 186 asks for quality feedback but its questionnaire was not
// found (❓), so the criteria and the edit window are the company's own rule.
// Shared by the API (validation, what is rateable) and the web form.
import { z } from 'zod';
import './zod-ru';
import { MAIN_PATH, STAGE_DEFINITIONS, STAGES, type Stage } from './application';
import { APPEAL_TOPIC_LABELS, APPEAL_TOPICS, type AppealTopic } from './appeal';
import { termDeadline, type TermSpec } from './regulations';

export const RATING_CRITERIA = ['clarity', 'timeliness', 'competence', 'overall'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

export const RATING_CRITERION_LABELS: Record<RatingCriterion, string> = {
  clarity: 'Понятность информации',
  timeliness: 'Соблюдение сроков',
  competence: 'Компетентность сотрудников',
  overall: 'Общая оценка',
};

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
export type RatingScore = (typeof RATING_SCORES)[number];
export const RATING_SCORE_LABELS: Record<RatingScore, string> = { 1: 'Очень плохо', 2: 'Плохо', 3: 'Средне', 4: 'Хорошо', 5: 'Отлично' };

export const RATING_COMMENT_MAX = 2000;

const score = (criterion: RatingCriterion) => {
  const message = `Поставьте оценку «${RATING_CRITERION_LABELS[criterion]}» от 1 до 5`;
  return z.number({ error: message }).int(message).min(1, message).max(5, message);
};

export const ratingFormSchema = z.object({
  clarity: score('clarity'),
  timeliness: score('timeliness'),
  competence: score('competence'),
  overall: score('overall'),
  comment: z.string().trim().max(RATING_COMMENT_MAX, `Комментарий не длиннее ${RATING_COMMENT_MAX} символов`).default(''),
});
export type RatingForm = z.infer<typeof ratingFormSchema>;
export type RatingFormInput = z.input<typeof ratingFormSchema>;

// --- what can be rated -----------------------------------------------------------

export const RATING_CASE_KINDS = ['application', 'appeal'] as const;
export type RatingCaseKind = (typeof RATING_CASE_KINDS)[number];

/** An appeal is rated once, as a whole, when it has closed: its rating carries this stage key. */
export const APPEAL_RATING_STAGE = 'closed';

/** Stages the applicant lives through; the final ones end the case and have nothing left to rate. */
export const RATEABLE_APPLICATION_STAGES: readonly Stage[] = STAGES.filter((s) => !STAGE_DEFINITIONS[s].final);
/** Every stage key a rating may carry. */
export const RATING_STAGES: [string, ...string[]] = [APPEAL_RATING_STAGE, ...RATEABLE_APPLICATION_STAGES];

export function isRateableApplicationStage(stage: string): stage is Stage {
  return (RATEABLE_APPLICATION_STAGES as readonly string[]).includes(stage);
}

export interface StageEventLike {
  stage: string;
  at: Date | number;
  data: { from?: unknown } | Record<string, unknown>;
}

/**
 * The stages a case has left, with the last time it left each: a stage counts
 * as completed once an event moved the case out of it (`data.from`). The first
 * event of a case has from = stage, and reminders carry no `from` at all.
 */
export function completedStages(events: readonly StageEventLike[]): Map<Stage, number> {
  const left = new Map<Stage, number>();
  for (const e of events) {
    const from = (e.data as { from?: unknown }).from;
    if (typeof from !== 'string' || from === e.stage || !isRateableApplicationStage(from)) continue;
    const at = typeof e.at === 'number' ? e.at : e.at.getTime();
    left.set(from, Math.max(at, left.get(from) ?? 0));
  }
  return left;
}

/** Stages in the order of the procedure, side branches after their main-path neighbour. */
export function stageOrder(stage: string): number {
  const main = (MAIN_PATH as readonly string[]).indexOf(stage);
  if (main >= 0) return main * 10;
  if (stage === 'awaitingMissingData') return MAIN_PATH.indexOf('completenessCheck') * 10 + 5;
  return 1000;
}

/** The instant a rating given at `ratedAt` can no longer be changed (the regulations table's `ratingEditWindow`). */
export function ratingEditDeadline(ratedAt: number, window: TermSpec): number {
  return termDeadline(ratedAt, window);
}

// --- the staff summary -------------------------------------------------------------

export const RATING_GROUP_BY = ['stage', 'topic'] as const;
export type RatingGroupBy = (typeof RATING_GROUP_BY)[number];
export const RATING_GROUP_BY_LABELS: Record<RatingGroupBy, string> = { stage: 'По этапам', topic: 'По темам' };

/** Applications have no appeal topic; in the topic view they form a group of their own. */
export const APPLICATION_TOPIC_GROUP = 'application';

/** What a summary group is called: a stage of the procedure, the appeal as a whole, or a topic. */
export function ratingGroupLabel(groupBy: RatingGroupBy, kind: RatingCaseKind, key: string): string {
  if (groupBy === 'topic') {
    if (key === APPLICATION_TOPIC_GROUP) return 'Заявки на технологическое присоединение';
    return (APPEAL_TOPICS as readonly string[]).includes(key) ? `Обращения: ${APPEAL_TOPIC_LABELS[key as AppealTopic]}` : key;
  }
  if (kind === 'appeal') return 'Рассмотрение обращения (в целом)';
  return isRateableApplicationStage(key) ? `Этап ${STAGE_DEFINITIONS[key].step}. ${STAGE_DEFINITIONS[key].title}` : key;
}

export const ratingSummaryInputSchema = z.object({
  from: z.iso.date('Дата начала периода в формате ГГГГ-ММ-ДД'),
  to: z.iso.date('Дата конца периода в формате ГГГГ-ММ-ДД'),
  groupBy: z.enum(RATING_GROUP_BY, { error: 'Выберите группировку: по этапам или по темам' }).default('stage'),
});

/** A period whose end comes before its start: the message the API and the page both show. */
export function periodProblem(from: string, to: string): string | null {
  return from > to ? 'Начало периода позже его конца' : null;
}
