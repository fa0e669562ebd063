// The claim's wording from its facts: addressed to the grid, the dates in
// Moscow days, the formula and sum of the assessment; refused for a penalty
// that is not the grid's or a delay that has not begun; the CSV of the report.
import { describe, expect, it } from 'vitest';
import { endOfMoscowWorkingDay } from '../../domain/calendar';
import { assessPenalty, type PenaltyInput } from '../../domain/penalties';
import { penaltyClaim, PenaltyClaimError, penaltyClaimText, type PenaltyClaimFacts } from '../../domain/penalty-claim';
import { penaltyReportCsv, penaltyTotals } from '../../domain/penalty-report';

const TERM_END = endOfMoscowWorkingDay('2026-03-10');
const NOON_22_03 = Date.parse('2026-03-22T09:00:00Z');
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const penalty = (extra: Partial<PenaltyInput> = {}) =>
  assessPenalty({ party: 'grid', feeRub: 50_000, preferentialFee: true, lateFromMs: TERM_END, untilMs: null, asOfMs: NOON_22_03, ...extra });

const facts = (extra: Partial<PenaltyClaimFacts> = {}): PenaltyClaimFacts => ({
  gridName: 'Сетевая организация (образец)',
  applicantName: 'Иванов Иван Иванович',
  caseNumber: 'ТП-2026-000123',
  objectAddress: 'г. Курск, ул. Садовая, д. 1',
  contractConcludedAt: Date.parse('2026-02-09T10:00:00Z'),
  connectionDeadlineAt: TERM_END,
  penalty: penalty(),
  issuedAt: NOON_22_03,
  ...extra,
});

describe('penaltyClaim', () => {
  it('a running delay: the facts, the period to today, the formula and the sum as of the day', () => {
    const text = plain(penaltyClaimText(penaltyClaim(facts())));
    expect(text).toContain('Претензия о выплате неустойки по заявке № ТП-2026-000123 от 22.03.2026');
    expect(text).toContain('Кому: Сетевая организация (образец)');
    expect(text).toContain('От кого: Иванов Иван Иванович');
    expect(text).toContain('Дата заключения договора: 09.02.2026');
    expect(text).toContain('Срок технологического присоединения истёк: 10.03.2026');
    expect(text).toContain('Просрочка: 12 дн. (с 11.03.2026 по 22.03.2026 включительно)');
    expect(text).toContain('Сумма неустойки: 3 000,00 ₽ на 22.03.2026');
    expect(text).toContain('Расчёт: 50 000,00 ₽ × 0,25 % × 2 × 12 дн. = 3 000,00 ₽.');
    expect(text).toContain('и продолжается');
    expect(text).toContain('ПП 861 п.16 «в» (проверить редакцию)');
    expect(text).toContain('редакция нормы не проверена');
    expect(text.endsWith('Иванов Иван Иванович, 22.03.2026')).toBe(true);
  });

  it('a settled delay names its last day and asks for the sum only', () => {
    const text = plain(penaltyClaimText(penaltyClaim(facts({ penalty: penalty({ untilMs: Date.parse('2026-03-15T09:00:00Z') }) }))));
    expect(text).toContain('выполнила свои обязательства с просрочкой 5 дн. (с 11.03.2026 по 15.03.2026 включительно)');
    expect(text).toContain('Сумма неустойки: 1 250,00 ₽\n');
    expect(text).not.toContain('продолжается');
  });

  it('is refused for the applicant’s penalty and before the first day of delay', () => {
    expect(() => penaltyClaim(facts({ penalty: penalty({ party: 'applicant' }) }))).toThrow(PenaltyClaimError);
    expect(() => penaltyClaim(facts({ penalty: penalty({ asOfMs: TERM_END }) }))).toThrow(PenaltyClaimError);
  });
});

describe('the penalties report', () => {
  it('writes one quoted row per case with the sum as decimal text and totals per party', () => {
    const rows = [
      { id: 'a', number: 'ТП-2026-000001', applicantName: 'Иванов И. И.', objectAddress: 'Курск', lateParty: 'grid' as const, connectionDeadlineAt: new Date(TERM_END).toISOString(), penalty: penalty() },
      { id: 'b', number: 'ТП-2026-000002', applicantName: '=HYPERLINK("x")', objectAddress: 'Курск', lateParty: 'applicant' as const, connectionDeadlineAt: null, penalty: penalty({ party: 'applicant', feeRub: 1234.57, asOfMs: Date.parse('2026-03-13T09:00:00Z') }) },
    ];
    const lines = penaltyReportCsv(rows).split('\r\n');
    expect(lines[1]).toBe('"ТП-2026-000001";"Иванов И. И.";"Курск";"просрочка сетевой организации";"11.03.2026";"продолжается";12;"50 000,00 ₽ × 0,25 % × 2 × 12 дн. = 3 000,00 ₽";"3000,00";"ПП 861 п.16 «в» (проверить редакцию)";"❓"');
    // A name Excel would run as a formula is written as text.
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain(';3;');
    expect(lines[2]).toContain('"9,26"');
    expect(penaltyTotals(rows)).toEqual({ grid: 3000, applicant: 9.26 });
  });
});
