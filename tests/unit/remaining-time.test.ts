import { describe, expect, it } from 'vitest';
import { endOfMoscowWorkingDay, startOfMoscowDay } from '../../domain/calendar';
import { REGULATIONS, termDeadline } from '../../domain/regulations';
import { remainingTime, termUnitOfWording } from '../../domain/remaining-time';

const noonMsk = (iso: string) => startOfMoscowDay(iso) + 12 * 3_600_000;

describe('remaining time in the term’s own unit', () => {
  it('counts working days for a working-day term (3 wd from a Thursday: not «6 дн.»)', () => {
    // Thursday 16 Apr 2026 + 3 wd = Tuesday 21 Apr; 5 calendar days but 3 working days.
    const deadline = termDeadline(noonMsk('2026-04-16'), REGULATIONS.completenessCheck);
    expect(deadline).toBe(endOfMoscowWorkingDay('2026-04-21'));
    expect(remainingTime(noonMsk('2026-04-16'), deadline, 'working-days').text).toBe('осталось 3 раб. дня');
    expect(remainingTime(noonMsk('2026-04-17'), deadline, 'working-days').text).toBe('осталось 2 раб. дня');
    expect(remainingTime(noonMsk('2026-04-18'), deadline, 'working-days').text).toBe('осталось 2 раб. дня');
    expect(remainingTime(noonMsk('2026-04-20'), deadline, 'working-days').text).toBe('осталось 1 раб. день');
    expect(remainingTime(noonMsk('2026-04-21'), deadline, 'working-days').text).toBe('истекает сегодня');
    expect(remainingTime(noonMsk('2026-04-22'), deadline, 'working-days')).toMatchObject({ late: true, text: 'просрочено' });
  });

  it('skips the New Year holidays', () => {
    expect(remainingTime(noonMsk('2025-12-30'), endOfMoscowWorkingDay('2026-01-16'), 'working-days').text).toBe('осталось 5 раб. дней');
  });

  it('counts calendar days for calendar terms', () => {
    expect(remainingTime(noonMsk('2026-04-16'), endOfMoscowWorkingDay('2026-04-21'), 'calendar-days').text).toBe('осталось 5 дней');
    expect(remainingTime(noonMsk('2026-04-16'), endOfMoscowWorkingDay('2026-05-16'), 'months').text).toBe('осталось 30 дней');
    expect(remainingTime(noonMsk('2026-04-20'), endOfMoscowWorkingDay('2026-04-21'), 'calendar-days').text).toBe('осталось 1 день');
  });

  it('knows the unit from the words a read model keeps', () => {
    expect(termUnitOfWording('3 рабочих дня')).toBe('working-days');
    expect(termUnitOfWording('30 календарных дней')).toBe('calendar-days');
    expect(termUnitOfWording('6 месяцев')).toBe('months');
    expect(termUnitOfWording('срок приостановлен')).toBeNull();
    expect(termUnitOfWording(null)).toBeNull();
  });
});
