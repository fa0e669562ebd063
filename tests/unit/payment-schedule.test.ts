// Paying in parts (DOMAIN §9): who may, the amounts to the kopeck with the last
// part absorbing the rounding, and due dates on the production calendar.
import { describe, expect, it } from 'vitest';
import { applicantFormIssues, applicationFormSchema } from '../../domain/application';
import { isWorkingDay, moscowDate } from '../../domain/calendar';
import { hasOverduePart, nextOpenPart, paymentInPartsRefusal, planSchedule, reminderBefore, scheduleOptionOf, splitByPercent, trackSchedule, type PlanRequest } from '../../domain/payment-schedule';
import { REGULATIONS, resolveTerms } from '../../domain/regulations';

const terms = resolveTerms();
// Posted on Friday 6 Nov 2026, 10:00 Moscow (07:00 UTC).
const POSTED = Date.UTC(2026, 10, 6, 7, 0);
const base: PlanRequest = { option: 'staged', totalKop: 123_456_79, invoicePostedAt: POSTED, actAt: null, terms };
const day = (ms: number | null) => (ms === null ? null : moscowDate(ms));

describe('who may pay in parts', () => {
  const eligible = { category: 'upTo150', applicantKind: 'legal', voltageKv: 10, distanceM: 250, territory: 'urban' as const };
  it('legal entities and ИП up to 150 kW, beyond the near-network exclusion', () => {
    expect(paymentInPartsRefusal(eligible)).toBeNull();
    expect(paymentInPartsRefusal({ ...eligible, applicantKind: 'entrepreneur' })).toBeNull();
    expect(paymentInPartsRefusal({ ...eligible, voltageKv: 0.4, distanceM: 201 })).toBeNull();
  });
  it('refuses other categories, individuals and ≤0.4 kV within 200 m (city) / 300 m (rural), in Russian', () => {
    expect(paymentInPartsRefusal({ ...eligible, category: 'upTo670' })).toMatch(/только юридическим лицам и ИП с мощностью до 150 кВт/);
    expect(paymentInPartsRefusal({ ...eligible, category: 'individual15' })).not.toBeNull();
    expect(paymentInPartsRefusal({ ...eligible, applicantKind: 'individual' })).toMatch(/юридическим лицам и индивидуальным предпринимателям/);
    expect(paymentInPartsRefusal({ ...eligible, voltageKv: 0.4, distanceM: 200 })).toMatch(/не более 200 м/);
    expect(paymentInPartsRefusal({ ...eligible, voltageKv: 0.4, distanceM: 300, territory: 'rural' })).toMatch(/не более 300 м/);
  });
  it('the form refuses an ineligible choice on the payment option field; the old value «parts» means the staged option', () => {
    const form = {
      category: 'upTo670', reason: 'new', objectName: 'Склад', objectAddress: 'г. Тверь, ул. Лесная, 1', cadastralNumber: '69:40:0100100:12', maxPowerKw: 200, voltageKv: 10,
      reliability: 'III', loadNature: 'Освещение', territory: 'urban', distanceToNetworkM: 400, plannedCommissioning: '2027-06-01', paymentOption: 'instalments', supplierId: 'gp-center',
    };
    const refused = applicationFormSchema.safeParse(form);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.find((i) => i.path[0] === 'paymentOption')?.message).toMatch(/до 150 кВт/);
    const ok = applicationFormSchema.parse({ ...form, category: 'upTo150', maxPowerKw: 100, instalmentQuarters: '8' });
    expect(ok.instalmentQuarters).toBe(8);
    expect(applicantFormIssues('individual', ok).find((i) => i.path === 'paymentOption')?.message).toMatch(/индивидуальным предпринимателям/);
    expect(applicationFormSchema.safeParse({ ...form, category: 'upTo150', maxPowerKw: 100, instalmentQuarters: 13 }).error?.issues[0]?.message).toMatch(/не больше 12 кварталов/);
    expect(scheduleOptionOf('parts')).toBe('staged');
    expect(scheduleOptionOf('instalments')).toBe('instalments');
    expect(scheduleOptionOf('full')).toBeNull();
  });
});

describe('the staged schedule (15 / 30 / 35 / 20 %)', () => {
  it('splits to the kopeck; the last part absorbs the rounding', () => {
    expect(splitByPercent(100, [15, 30, 35, 20])).toEqual([15, 30, 35, 20]);
    expect(splitByPercent(1, [15, 30, 35, 20])).toEqual([0, 0, 0, 1]);
    const s = planSchedule(base);
    // 12 345 679 kop × 15 % = 1 851 851.85 → 1 851 852 (half up), and so on.
    expect(s.parts.map((p) => p.amountKop)).toEqual([1_851_852, 3_703_704, 4_320_988, 12_345_679 - 1_851_852 - 3_703_704 - 4_320_988]);
    expect(s.parts.reduce((a, p) => a + p.amountKop, 0)).toBe(s.totalKop);
    expect(s.interest).toBeNull();
  });
  it('due dates: 5 working days, 20 and 40 days from the invoice on the calendar; the last only once the act is issued', () => {
    const s = planSchedule(base);
    // 6 Nov 2026 (Fri) + 5 working days = 13 Nov (Fri).
    expect(s.parts.map((p) => day(p.dueAt))).toEqual(['2026-11-13', '2026-11-26', '2026-12-16', null]);
    expect(s.parts.every((p) => p.dueAt === null || isWorkingDay(day(p.dueAt)!))).toBe(true);
    const afterAct = planSchedule({ ...base, actAt: Date.UTC(2027, 1, 1, 9) });
    expect(day(afterAct.parts[3]!.dueAt)).toBe('2027-02-11');
    expect(afterAct.parts[3]!.title).toBe('4-й платёж, 20 %');
  });
  it('a reminder the configured working days before each due date (❓ cabinet default 3)', () => {
    expect(REGULATIONS.instalmentReminder).toMatchObject({ amount: 3, unit: 'working-days', mark: '❓' });
    const s = planSchedule(base);
    // 26 Nov 2026 is a Thursday: three working days before is Monday 23 Nov, 09:00 Moscow.
    expect(new Date(s.parts[1]!.remindAt!).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(reminderBefore(10_000, { amount: 3, unit: 'seconds' })).toBe(7_000);
  });
});

describe('the instalment schedule (5 % advance, quarterly with interest at the key rate + 4 p.p.)', () => {
  const req: PlanRequest = { ...base, option: 'instalments', totalKop: 100_000_00, quarters: 4, keyRatePercent: 16 };
  it('advance 5 %, the rest in equal quarterly parts with interest on what is still owed', () => {
    const s = planSchedule(req);
    expect(s.interest).toEqual({ annualPercent: 20, keyRatePercent: 16 });
    expect(s.parts.map((p) => p.principalKop)).toEqual([5_000_00, 23_750_00, 23_750_00, 23_750_00, 23_750_00]);
    // 20 % a year is 5 % a quarter of the outstanding principal: 95 000, 71 250, 47 500, 23 750 ₽.
    expect(s.parts.map((p) => p.interestKop)).toEqual([0, 4_750_00, 3_562_50, 2_375_00, 1_187_50]);
    expect(s.parts.slice(1).map((p) => p.amountKop)).toEqual([28_500_00, 27_312_50, 26_125_00, 24_937_50]);
    expect(s.parts.reduce((a, p) => a + p.principalKop, 0)).toBe(req.totalKop);
  });
  it('uneven division: the last quarter absorbs the kopecks', () => {
    const s = planSchedule({ ...req, totalKop: 100_000_01, quarters: 12 });
    const principal = s.parts.slice(1).map((p) => p.principalKop);
    expect(principal.reduce((a, b) => a + b, 0)).toBe(100_000_01 - s.parts[0]!.principalKop);
    expect(new Set(principal.slice(0, -1)).size).toBe(1);
  });
  it('quarterly due dates from the act; at most 12 quarters', () => {
    const actAt = Date.UTC(2027, 2, 15, 9);
    const s = planSchedule({ ...req, actAt });
    expect(s.parts.map((p) => day(p.dueAt))).toEqual(['2026-11-13', '2027-06-15', '2027-09-15', '2027-12-15', '2028-03-15']);
    expect(() => planSchedule({ ...req, quarters: 13 })).toThrow(/1…12/);
  });
});

describe('the state of a schedule', () => {
  it('the next open part, overdue as the applicant’s debt', () => {
    const state = trackSchedule(planSchedule(base));
    expect(state.parts.map((p) => p.status)).toEqual(['due', 'due', 'due', 'waiting']);
    expect(nextOpenPart(state)?.no).toBe(1);
    state.parts[0]!.status = 'paid';
    state.parts[1]!.status = 'overdue';
    expect(nextOpenPart(state)?.no).toBe(2);
    expect(hasOverduePart(state)).toBe(true);
  });
});
