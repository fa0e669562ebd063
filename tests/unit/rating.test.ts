import { describe, expect, it } from 'vitest';
import {
  completedStages,
  periodProblem,
  RATEABLE_APPLICATION_STAGES,
  ratingEditDeadline,
  ratingFormSchema,
  ratingGroupLabel,
  RATING_CRITERION_LABELS,
} from '../../domain/rating';
import { REGULATIONS, resolveTerms } from '../../domain/regulations';

describe('the rating form', () => {
  it('takes four whole scores from 1 to 5 and an optional trimmed comment', () => {
    expect(ratingFormSchema.parse({ clarity: 1, timeliness: 5, competence: 3, overall: 4 })).toEqual({ clarity: 1, timeliness: 5, competence: 3, overall: 4, comment: '' });
    expect(ratingFormSchema.parse({ clarity: 5, timeliness: 5, competence: 5, overall: 5, comment: '  спасибо ' }).comment).toBe('спасибо');
  });

  it('names the criterion in every refusal', () => {
    const result = ratingFormSchema.safeParse({ clarity: 0, timeliness: 2.5, competence: '5', comment: 'x'.repeat(2001) });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({
      clarity: 'Поставьте оценку «Понятность информации» от 1 до 5',
      timeliness: 'Поставьте оценку «Соблюдение сроков» от 1 до 5',
      competence: 'Поставьте оценку «Компетентность сотрудников» от 1 до 5',
      overall: 'Поставьте оценку «Общая оценка» от 1 до 5',
      comment: 'Комментарий не длиннее 2000 символов',
    });
    expect(Object.values(RATING_CRITERION_LABELS)).toEqual(['Понятность информации', 'Соблюдение сроков', 'Компетентность сотрудников', 'Общая оценка']);
  });
});

describe('completed stages', () => {
  const at = (n: number) => new Date(Date.UTC(2026, 2, 2, 9, n));

  it('counts a stage once the case has left it, and not the first event or in-stage events', () => {
    const events = [
      { stage: 'registered', at: at(0), data: { from: 'registered' } },
      { stage: 'completenessCheck', at: at(1), data: { from: 'registered' } },
      { stage: 'completenessCheck', at: at(2), data: { who: 'staff' } },
      { stage: 'awaitingMissingData', at: at(3), data: { from: 'completenessCheck' } },
      { stage: 'completenessCheck', at: at(4), data: { from: 'awaitingMissingData' } },
      { stage: 'preparingDocuments', at: at(5), data: { from: 'completenessCheck' } },
    ];
    const left = completedStages(events);
    expect([...left.keys()].sort()).toEqual(['awaitingMissingData', 'completenessCheck', 'registered']);
    // A stage visited twice completes with its last exit.
    expect(left.get('completenessCheck')).toBe(at(5).getTime());
    expect(left.has('preparingDocuments')).toBe(false);
  });

  it('never offers the final stages', () => {
    expect(RATEABLE_APPLICATION_STAGES).not.toContain('completed');
    expect(RATEABLE_APPLICATION_STAGES).not.toContain('annulled');
    expect(RATEABLE_APPLICATION_STAGES).toContain('actPosting');
  });
});

describe('the edit window', () => {
  it('comes from the regulations table and ends on a working day', () => {
    expect(REGULATIONS.ratingEditWindow).toMatchObject({ amount: 14, unit: 'calendar-days', mark: '❓' });
    // Rated 17 April 2026 (10:00 Moscow): 14 days end on 1 May, a holiday, so the window runs to Monday 4 May.
    const ratedAt = Date.UTC(2026, 3, 17, 7, 0);
    expect(ratingEditDeadline(ratedAt, resolveTerms().ratingEditWindow)).toBe(Date.UTC(2026, 4, 4, 21, 0) - 1);
    expect(ratingEditDeadline(ratedAt, resolveTerms({ scale: 'seconds' }).ratingEditWindow)).toBe(ratedAt + 14_000);
  });
});

describe('the summary', () => {
  it('names its groups in Russian and checks the period', () => {
    expect(ratingGroupLabel('stage', 'application', 'tuFulfilment')).toBe('Этап 5–6. Выполнение мероприятий по техническим условиям');
    expect(ratingGroupLabel('stage', 'appeal', 'closed')).toBe('Рассмотрение обращения (в целом)');
    expect(ratingGroupLabel('topic', 'appeal', 'metering')).toBe('Обращения: Коммерческий учёт электрической энергии');
    expect(ratingGroupLabel('topic', 'application', 'application')).toBe('Заявки на технологическое присоединение');
    expect(periodProblem('2026-03-02', '2026-03-01')).toBe('Начало периода позже его конца');
    expect(periodProblem('2026-03-01', '2026-03-01')).toBeNull();
  });
});
