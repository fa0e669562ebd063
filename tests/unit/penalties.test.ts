// The penalty of п.16 «в» against sums worked out by hand: the day count in
// Moscow calendar days, the ≤15 kW doubling, the applicant's one-year cap,
// rounding to the kopeck, and a recorded assessment carried forward to today.
import { describe, expect, it } from 'vitest';
import { endOfMoscowWorkingDay } from '../../domain/calendar';
import { assessPenalty, PENALTY_RULES, PENALTY_SOURCE, penaltyAsOf, resolvePenaltyRules, type PenaltyInput } from '../../domain/penalties';

/** The connection term ended at 23:59:59.999 Moscow time on 10.03.2026. */
const TERM_END = endOfMoscowWorkingDay('2026-03-10');
/** Noon Moscow time (09:00 UTC) on a date. */
const moscowNoon = (iso: string) => Date.parse(`${iso}T09:00:00Z`);
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const gridLate = (extra: Partial<PenaltyInput> = {}): PenaltyInput => ({
  party: 'grid',
  feeRub: 50_000,
  preferentialFee: true,
  lateFromMs: TERM_END,
  untilMs: null,
  asOfMs: moscowNoon('2026-03-22'),
  ...extra,
});

describe('assessPenalty', () => {
  it('the grid 12 days late on a 50 000 ₽ fee of a ≤15 kW applicant: 50 000 × 0,25 % × 2 × 12 = 3 000 ₽', () => {
    const a = assessPenalty(gridLate());
    expect(a).toMatchObject({ party: 'grid', days: 12, sumRub: 3000, multiplier: 2, ratePercentPerDay: 0.25, capDays: null, lateFrom: '2026-03-11', until: null });
    expect(plain(a.formula)).toBe('50 000,00 ₽ × 0,25 % × 2 × 12 дн. = 3 000,00 ₽');
    expect(a.source).toBe('ПП 861 п.16 «в» (проверить редакцию)');
    expect(a.mark).toBe('❓');
  });

  it('without the ≤15 kW fee the rate is not doubled and the formula drops the multiplier', () => {
    const a = assessPenalty(gridLate({ preferentialFee: false }));
    expect(a.sumRub).toBe(1500);
    expect(a.multiplier).toBe(1);
    expect(plain(a.formula)).toBe('50 000,00 ₽ × 0,25 % × 12 дн. = 1 500,00 ₽');
  });

  it('the applicant is never doubled and pays for at most 365 days of delay', () => {
    // 100 000 × 0,25 % = 250 ₽ a day; 400 days late, 365 charged: 91 250 ₽.
    const a = assessPenalty({ party: 'applicant', feeRub: 100_000, preferentialFee: true, lateFromMs: TERM_END, untilMs: null, asOfMs: moscowNoon('2027-04-14') });
    expect(a.days).toBe(400);
    expect(a.capDays).toBe(365);
    expect(a.multiplier).toBe(1);
    expect(a.sumRub).toBe(91_250);
    expect(plain(a.formula)).toBe('100 000,00 ₽ × 0,25 % × 365 дн. (просрочка 400 дн., не более 365 дн.) = 91 250,00 ₽');
    // Under the cap the days are charged as they are.
    expect(assessPenalty({ party: 'applicant', feeRub: 100_000, preferentialFee: false, lateFromMs: TERM_END, untilMs: null, asOfMs: moscowNoon('2026-03-20') }).sumRub).toBe(2_500);
  });

  it('a settled delay counts up to the day of performance inclusive, whatever the day of the assessment', () => {
    const settled = assessPenalty(gridLate({ untilMs: moscowNoon('2026-03-15'), asOfMs: moscowNoon('2026-06-01') }));
    expect(settled).toMatchObject({ days: 5, until: '2026-03-15', sumRub: 1250 });
    // Carried forward to any later day it stays the same; a running one grows.
    expect(penaltyAsOf(settled, moscowNoon('2026-12-31'))).toEqual(settled);
    const running = assessPenalty(gridLate());
    expect(penaltyAsOf(running, moscowNoon('2026-03-23'))).toMatchObject({ days: 13, sumRub: 3250, until: null });
    // Done within the term: no delay, no penalty.
    expect(assessPenalty(gridLate({ untilMs: TERM_END - 3_600_000 }))).toMatchObject({ days: 0, sumRub: 0 });
  });

  it('rounds half up to the kopeck', () => {
    // 1 234,57 × 0,25 % × 3 = 9,259275 → 9,26 ₽.
    expect(assessPenalty(gridLate({ feeRub: 1234.57, preferentialFee: false, asOfMs: moscowNoon('2026-03-13') })).sumRub).toBe(9.26);
    // 2,00 × 0,25 % × 1 = 0,005 → 0,01 ₽ (half up, not to even).
    const half = assessPenalty(gridLate({ feeRub: 2, preferentialFee: false, asOfMs: moscowNoon('2026-03-11') }));
    expect(half.sumRub).toBe(0.01);
    expect(plain(half.formula)).toBe('2,00 ₽ × 0,25 % × 1 дн. = 0,01 ₽');
  });

  it('counts Moscow days: a new day of delay starts at 00:00 Moscow time (21:00 UTC)', () => {
    expect(assessPenalty(gridLate({ asOfMs: Date.parse('2026-03-10T20:59:59.999Z') })).days).toBe(0);
    expect(assessPenalty(gridLate({ asOfMs: Date.parse('2026-03-10T21:00:00.000Z') })).days).toBe(1);
    expect(assessPenalty(gridLate({ asOfMs: Date.parse('2026-03-11T20:59:59.999Z') })).days).toBe(1);
    expect(assessPenalty(gridLate({ asOfMs: Date.parse('2026-03-11T21:00:00.000Z') })).days).toBe(2);
    // Performance at 01:00 Moscow on 12.03 (22:00 UTC on 11.03) is on the second day of delay.
    expect(assessPenalty(gridLate({ untilMs: Date.parse('2026-03-11T22:00:00Z') }))).toMatchObject({ days: 2, until: '2026-03-12' });
  });

  it('refuses a fee that is not an amount and instants that are not numbers', () => {
    expect(() => assessPenalty(gridLate({ feeRub: -1 }))).toThrow(RangeError);
    expect(() => assessPenalty(gridLate({ feeRub: Number.NaN }))).toThrow(RangeError);
    expect(() => assessPenalty(gridLate({ asOfMs: Number.NaN }))).toThrow(RangeError);
  });
});

describe('the penalty rules table', () => {
  it('ships the DOMAIN §9 numbers as ❓ data with the source to check', () => {
    expect(PENALTY_RULES.grid).toMatchObject({ ratePercentPerDay: 0.25, preferentialMultiplier: 2, capDays: null, source: PENALTY_SOURCE, mark: '❓' });
    expect(PENALTY_RULES.applicant).toMatchObject({ ratePercentPerDay: 0.25, preferentialMultiplier: 1, capDays: 365, source: PENALTY_SOURCE, mark: '❓' });
    expect(PENALTY_SOURCE).toBe('ПП 861 п.16 «в» (проверить редакцию)');
  });

  it('an override changes the numbers the assessment uses, and nonsense is refused', () => {
    // The older text: 5 % a day.
    const rules = resolvePenaltyRules({ grid: { ratePercentPerDay: 5, preferentialMultiplier: 1 } });
    expect(rules.applicant).toEqual(PENALTY_RULES.applicant);
    expect(assessPenalty(gridLate({ feeRub: 550, asOfMs: moscowNoon('2026-03-12') }), rules)).toMatchObject({ ratePercentPerDay: 5, multiplier: 1, days: 2, sumRub: 55 });
    expect(() => resolvePenaltyRules({ grid: { ratePercentPerDay: -1 } })).toThrow(RangeError);
    expect(() => resolvePenaltyRules({ applicant: { capDays: 1.5 } })).toThrow(RangeError);
    expect(() => resolvePenaltyRules({ supplier: {} } as never)).toThrow(RangeError);
  });
});
