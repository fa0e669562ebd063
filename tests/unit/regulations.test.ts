import { describe, expect, it } from 'vitest';
import {
  REGULATIONS,
  TERM_KEYS,
  TERM_UNITS,
  formatTerm,
  reminderInstants,
  resolveTerms,
  termDeadline,
  tuFulfilmentTermKey,
  type TuFulfilmentInput,
} from '../../domain/regulations';

/** An instant given as Moscow wall-clock time (UTC+3). */
const msk = (iso: string, hh = 10, mm = 0) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, hh - 3, mm);
};
const endOfMskDay = (iso: string) => msk(iso, 24) - 1;

describe('the regulations table', () => {
  it('has one complete entry per key, each with its source', () => {
    expect(Object.keys(REGULATIONS).sort()).toEqual([...TERM_KEYS].sort());
    for (const key of TERM_KEYS) {
      const r = REGULATIONS[key];
      expect(r.key).toBe(key);
      expect(r.title).toMatch(/[а-яё]/i);
      expect(r.source.length).toBeGreaterThan(10);
      expect(r.from).not.toBe('');
      expect(['✅', '◐', '❓']).toContain(r.mark);
      expect(['grid', 'applicant', 'both', 'supplier']).toContain(r.who);
      expect(TERM_UNITS).toContain(r.unit);
      // Only the handover to the supplier of last resort runs «in the day of registration» (❓ default): zero whole days.
      expect(r.amount).toBeGreaterThan(key === 'supplierHandover' ? -1 : 0);
    }
  });

  it('holds the statutory numbers of DOMAIN §3 and §5', () => {
    const spec = (key: keyof typeof REGULATIONS) => [REGULATIONS[key].amount, REGULATIONS[key].unit];
    expect(spec('completenessCheck')).toEqual([3, 'working-days']);
    expect(spec('supplyMissingData')).toEqual([20, 'working-days']);
    expect(spec('postContractDocuments')).toEqual([10, 'working-days']);
    expect(spec('payInvoice')).toEqual([5, 'working-days']);
    expect(spec('payInvoicePublicBuyer')).toEqual([15, 'working-days']);
    expect(spec('tuFulfilment30wd')).toEqual([30, 'working-days']);
    expect(spec('tuFulfilment4m')).toEqual([4, 'months']);
    expect(spec('tuFulfilment6m')).toEqual([6, 'months']);
    expect(spec('tuFulfilment1y')).toEqual([1, 'years']);
    expect(spec('tuFulfilment2y')).toEqual([2, 'years']);
    expect(spec('supplierDraftContract')).toEqual([10, 'working-days']);
    expect(spec('appealAnswer')).toEqual([30, 'calendar-days']);
    expect(spec('outageWarning')).toEqual([24, 'hours']);
    expect(REGULATIONS.supplierDraftContract.source).toContain('п. 105');
  });

  it('marks the defaults of the cabinet as unverified', () => {
    for (const key of ['inspection', 'actualConnection', 'actPosting', 'appealAutoClose', 'ratingEditWindow'] as const) {
      expect(REGULATIONS[key].mark).toBe('❓');
    }
  });
});

describe('choosing the ТУ fulfilment term', () => {
  const base: TuFulfilmentInput = { voltageKv: 0.4, distanceM: 10, territory: 'urban', constructionNeeded: false, maxPowerKw: 15 };

  it('gives 30 working days close to a 0.4 kV network without construction', () => {
    expect(tuFulfilmentTermKey(base)).toBe('tuFulfilment30wd');
    expect(tuFulfilmentTermKey({ ...base, distanceM: 15, maxPowerKw: 150 })).toBe('tuFulfilment30wd');
  });

  it('gives 4 months within 300 m in town and 500 m in the country', () => {
    expect(tuFulfilmentTermKey({ ...base, constructionNeeded: true })).toBe('tuFulfilment4m');
    expect(tuFulfilmentTermKey({ ...base, distanceM: 16 })).toBe('tuFulfilment4m');
    expect(tuFulfilmentTermKey({ ...base, voltageKv: 10, distanceM: 300 })).toBe('tuFulfilment4m');
    expect(tuFulfilmentTermKey({ ...base, voltageKv: 10, distanceM: 450, territory: 'rural' })).toBe('tuFulfilment4m');
  });

  it('gives 6 months further away at up to 20 kV', () => {
    expect(tuFulfilmentTermKey({ ...base, voltageKv: 10, distanceM: 301 })).toBe('tuFulfilment6m');
    expect(tuFulfilmentTermKey({ ...base, voltageKv: 20, distanceM: 501, territory: 'rural' })).toBe('tuFulfilment6m');
  });

  it('gives 1 year above 150 kW or above 20 kV, 2 years from 670 kW', () => {
    expect(tuFulfilmentTermKey({ ...base, maxPowerKw: 151 })).toBe('tuFulfilment1y');
    expect(tuFulfilmentTermKey({ ...base, voltageKv: 35 })).toBe('tuFulfilment1y');
    expect(tuFulfilmentTermKey({ ...base, maxPowerKw: 669.9 })).toBe('tuFulfilment1y');
    expect(tuFulfilmentTermKey({ ...base, maxPowerKw: 670 })).toBe('tuFulfilment2y');
  });

  it('rejects nonsense input', () => {
    expect(() => tuFulfilmentTermKey({ ...base, distanceM: -1 })).toThrow(RangeError);
    expect(() => tuFulfilmentTermKey({ ...base, maxPowerKw: Number.NaN })).toThrow(RangeError);
  });
});

describe('deadlines', () => {
  const terms = resolveTerms();

  it('ends a working-day term at the end of the n-th working day, across the New Year', () => {
    expect(termDeadline(msk('2025-12-30'), terms.payInvoice)).toBe(endOfMskDay('2026-01-16'));
  });

  it('uses the Moscow date of the start, not the UTC one', () => {
    // 21:30 UTC on 29 Dec is 00:30 on 30 Dec in Moscow.
    expect(termDeadline(Date.UTC(2025, 11, 29, 21, 30), terms.payInvoice)).toBe(endOfMskDay('2026-01-16'));
    expect(termDeadline(Date.UTC(2025, 11, 29, 20, 30), terms.payInvoice)).toBe(endOfMskDay('2026-01-15'));
  });

  it('counts 30 working days over the February and March holidays of 2026', () => {
    expect(termDeadline(msk('2026-02-02'), terms.tuFulfilment30wd)).toBe(endOfMskDay('2026-03-18'));
  });

  it('moves a calendar term ending on a day off to the next working day', () => {
    // 1 May 2026 is a holiday, 2–3 May a weekend.
    expect(termDeadline(msk('2026-04-01'), terms.appealAnswer)).toBe(endOfMskDay('2026-05-04'));
    expect(termDeadline(msk('2026-04-02'), terms.appealAnswer)).toBe(endOfMskDay('2026-05-04'));
    expect(termDeadline(msk('2026-04-06'), terms.appealAnswer)).toBe(endOfMskDay('2026-05-06'));
  });

  it('counts months and years with end-of-month clamping', () => {
    // 31.10.2025 + 4 months = 28.02.2026, a Saturday → Monday 2 March.
    expect(termDeadline(msk('2025-10-31'), terms.tuFulfilment4m)).toBe(endOfMskDay('2026-03-02'));
    expect(termDeadline(msk('2025-06-11'), terms.tuFulfilment1y)).toBe(endOfMskDay('2026-06-11'));
    expect(termDeadline(msk('2025-06-11'), terms.tuFulfilment2y)).toBe(endOfMskDay('2027-06-11'));
  });

  it('treats hours and seconds as plain durations', () => {
    const start = msk('2026-01-01', 3, 15);
    expect(termDeadline(start, terms.outageWarning)).toBe(start + 24 * 3_600_000);
    expect(termDeadline(start, { amount: 3, unit: 'seconds' })).toBe(start + 3000);
    expect(termDeadline(start, { amount: 0.5, unit: 'seconds' })).toBe(start + 500);
  });

  it('is deterministic and rejects invalid terms', () => {
    expect(termDeadline(msk('2026-02-02'), terms.payInvoice)).toBe(termDeadline(msk('2026-02-02'), terms.payInvoice));
    expect(() => termDeadline(msk('2026-02-02'), { amount: 1.5, unit: 'working-days' })).toThrow(RangeError);
    expect(() => termDeadline(Number.NaN, terms.payInvoice)).toThrow(RangeError);
  });

  it('schedules reminders at half and four fifths of the term', () => {
    expect(reminderInstants(1_000, 11_000)).toEqual([6_000, 9_000]);
    expect(reminderInstants(0, 100, [0.9, 0.25, 1, 0])).toEqual([25, 90]);
  });
});

describe('resolving terms for a case', () => {
  it('returns the table as plain JSON data', () => {
    const terms = resolveTerms();
    expect(JSON.parse(JSON.stringify(terms))).toEqual(terms);
    expect(terms.payInvoice).toEqual({ amount: 5, unit: 'working-days' });
    expect(Object.keys(terms).sort()).toEqual([...TERM_KEYS].sort());
  });

  it('shrinks every term to seconds for tests', () => {
    const terms = resolveTerms({ scale: 'seconds' });
    for (const key of TERM_KEYS) expect(terms[key]).toEqual({ amount: REGULATIONS[key].amount, unit: 'seconds' });
    expect(termDeadline(10_000, terms.completenessCheck)).toBe(13_000);
  });

  it('applies overrides per key, after the scale', () => {
    const terms = resolveTerms({ inspection: { amount: 7 }, appealAnswer: { amount: 20, unit: 'working-days' } });
    expect(terms.inspection).toEqual({ amount: 7, unit: 'working-days' });
    expect(terms.appealAnswer).toEqual({ amount: 20, unit: 'working-days' });
    expect(terms.payInvoice).toEqual({ amount: 5, unit: 'working-days' });

    const fast = resolveTerms({ scale: 'seconds', payInvoice: { amount: 2 } });
    expect(fast.payInvoice).toEqual({ amount: 2, unit: 'seconds' });
    expect(fast.completenessCheck).toEqual({ amount: 3, unit: 'seconds' });
  });

  it('does not touch the table', () => {
    const terms = resolveTerms({ scale: 'seconds' });
    terms.payInvoice.amount = 99;
    expect(REGULATIONS.payInvoice.amount).toBe(5);
    expect(resolveTerms().payInvoice.amount).toBe(5);
  });

  it('rejects unknown keys, units and impossible amounts', () => {
    expect(() => resolveTerms({ payInvoce: { amount: 1 } } as never)).toThrow(/payInvoce/);
    expect(() => resolveTerms({ payInvoice: { unit: 'weeks' } } as never)).toThrow(RangeError);
    expect(() => resolveTerms({ payInvoice: { amount: -1 } })).toThrow(RangeError);
    expect(() => resolveTerms({ payInvoice: { amount: 2.5 } })).toThrow(RangeError);
    expect(() => resolveTerms({ scale: 'minutes' } as never)).toThrow(RangeError);
  });
});

describe('wording of terms', () => {
  it('uses Russian plural forms', () => {
    expect(formatTerm({ amount: 1, unit: 'working-days' })).toBe('1 рабочий день');
    expect(formatTerm({ amount: 3, unit: 'working-days' })).toBe('3 рабочих дня');
    expect(formatTerm({ amount: 11, unit: 'working-days' })).toBe('11 рабочих дней');
    expect(formatTerm({ amount: 21, unit: 'calendar-days' })).toBe('21 календарный день');
    expect(formatTerm({ amount: 30, unit: 'calendar-days' })).toBe('30 календарных дней');
    expect(formatTerm({ amount: 4, unit: 'months' })).toBe('4 месяца');
    expect(formatTerm({ amount: 1, unit: 'years' })).toBe('1 год');
    expect(formatTerm({ amount: 2, unit: 'years' })).toBe('2 года');
    expect(formatTerm({ amount: 5, unit: 'years' })).toBe('5 лет');
    expect(formatTerm({ amount: 24, unit: 'hours' })).toBe('24 часа');
    expect(formatTerm({ amount: 0.5, unit: 'seconds' })).toBe('0,5 секунды');
  });
});
