// A department's workload (issue 20 item 4, domain/workload.ts): open cases by holder
// (overdue counted once, not also at risk), stages handled this week by their handler,
// median working days per stage and handler on the production calendar.
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR } from '../../domain/calendar';
import { NO_HANDLER, NOBODY_HOLDS, weekStart, workloadFigures } from '../../domain/workload';

const at = (iso: string) => new Date(`${iso}+03:00`);
// Thursday 10 December 2026, noon in Moscow: the week began on Monday the 7th.
const NOW = at('2026-12-10T12:00:00').getTime();
const A = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Антонова Анна' };
const B = { id: 'b0000000-0000-4000-8000-000000000002', name: 'Борисов Борис' };

describe('a department’s workload', () => {
  it('starts the week on Monday 00:00 in Moscow', () => {
    expect(new Date(weekStart(NOW)).toISOString()).toBe('2026-12-06T21:00:00.000Z');
    expect(weekStart(at('2026-12-07T00:00:00').getTime())).toBe(weekStart(NOW));
    expect(weekStart(at('2026-12-06T23:59:59').getTime())).toBeLessThan(weekStart(NOW));
  });

  it('counts open cases by holder, those unheld first; an overdue case is not also at risk', () => {
    const figures = workloadFigures(
      [
        { holderId: B.id, holderName: B.name, atRisk: true, overdue: false },
        { holderId: B.id, holderName: B.name, atRisk: true, overdue: true },
        { holderId: null, holderName: null, atRisk: false, overdue: false },
        { holderId: A.id, holderName: A.name, atRisk: false, overdue: false },
      ],
      [
        // Handled this week by A, and last week by B (not this week's, but in the medians).
        { stageRef: 'application:completenessCheck', handlerId: A.id, handlerName: A.name, enteredAt: at('2026-12-04T10:00:00'), leftAt: at('2026-12-08T10:00:00') },
        { stageRef: 'application:completenessCheck', handlerId: B.id, handlerName: B.name, enteredAt: at('2026-12-01T10:00:00'), leftAt: at('2026-12-02T10:00:00') },
        { stageRef: 'application:completenessCheck', handlerId: B.id, handlerName: B.name, enteredAt: at('2026-11-30T10:00:00'), leftAt: at('2026-12-03T10:00:00') },
        { stageRef: 'application:registered', handlerId: null, handlerName: null, enteredAt: at('2026-12-08T10:00:00'), leftAt: at('2026-12-08T10:00:01') },
      ],
      ['application:registered', 'application:completenessCheck', 'application:awaitingMissingData'],
      SHIPPED_CALENDAR,
      NOW,
    );
    expect(figures.holders).toEqual([
      { holderId: null, holderName: NOBODY_HOLDS, open: 1, atRisk: 0, overdue: 0, handledThisWeek: 0 },
      { holderId: A.id, holderName: A.name, open: 1, atRisk: 0, overdue: 0, handledThisWeek: 1 },
      { holderId: B.id, holderName: B.name, open: 2, atRisk: 1, overdue: 1, handledThisWeek: 0 },
    ]);
    // Friday 4th → Tuesday 8th: Monday and Tuesday (2 working days); B: 1 and 3 days, median 2.
    expect(figures.stages).toEqual([
      { stageRef: 'application:registered', byHandler: [{ handlerId: null, handlerName: NO_HANDLER, count: 1, medianDays: 0 }] },
      {
        stageRef: 'application:completenessCheck',
        byHandler: [
          { handlerId: A.id, handlerName: A.name, count: 1, medianDays: 2 },
          { handlerId: B.id, handlerName: B.name, count: 2, medianDays: 2 },
        ],
      },
    ]);
    expect(figures.weekFrom).toBe('2026-12-06T21:00:00.000Z');
  });
});
