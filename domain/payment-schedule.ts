// Paying the connection fee in parts (DOMAIN §9 «Paying in parts», ◐): who may,
// the two options, and the schedule of a fee — amounts in kopecks, due dates on
// the production calendar. The rules themselves are data in domain/regulations.ts;
// the workflow records the schedule an activity computed from them, so a case
// keeps the amounts and the interest rate it was offered.
import { addCalendarDays, addWorkingDays, moscowDate, startOfMoscowDay, SHIPPED_CALENDAR, type ProductionCalendar } from './calendar';
import { mulDivRound, type Kop } from './money';
import {
  INSTALMENT_PAYMENT_RULE,
  KEY_RATE,
  PAYMENT_IN_PARTS_EXCLUSION,
  STAGED_PAYMENT_RULE,
  termDeadline,
  type ResolvedTerms,
  type TermKey,
  type TermSpec,
} from './regulations';

/** «Поэтапно» (15/30/35/20) or «рассрочка» (5 % advance, the rest quarterly with interest). */
export const SCHEDULE_OPTIONS = ['staged', 'instalments'] as const;
export type ScheduleOption = (typeof SCHEDULE_OPTIONS)[number];

export const SCHEDULE_OPTION_TITLES: Record<ScheduleOption, string> = {
  staged: 'Поэтапная оплата (15 % / 30 % / 35 % / 20 %)',
  instalments: 'Рассрочка (5 % аванс, остальное ежеквартально с процентами)',
};

/** The form's payment option: 'parts' (the old value, kept readable) is the staged option. */
export function scheduleOptionOf(paymentOption: string | undefined): ScheduleOption | null {
  if (paymentOption === 'parts') return 'staged';
  if (paymentOption === 'instalments') return 'instalments';
  return null;
}

// --- who may pay in parts -------------------------------------------------------------

export interface EligibilityInput {
  category: string;
  /** The applicant's kind; a household applicant (individual) may not pay in parts. */
  applicantKind?: 'individual' | 'entrepreneur' | 'legal' | string;
  voltageKv: number;
  distanceM: number;
  territory: 'urban' | 'rural';
}

/**
 * Why paying in parts is not offered to this application, or null. Legal
 * entities and ИП up to 150 kW (п.12(1)) may; schedules for other categories are
 * not established (❓) and are not offered; nor at ≤0.4 kV near the network (◐).
 */
export function paymentInPartsRefusal(a: EligibilityInput): string | null {
  if (a.category !== 'upTo150') return 'Оплата частями предоставляется только юридическим лицам и ИП с мощностью до 150 кВт (п. 12(1) Правил)';
  if (a.applicantKind === 'individual') return 'Оплата частями предоставляется юридическим лицам и индивидуальным предпринимателям';
  const ex = PAYMENT_IN_PARTS_EXCLUSION;
  const near = ex.maxDistanceM[a.territory];
  if (a.voltageKv <= ex.maxVoltageKv && a.distanceM <= near) {
    return `При напряжении до 0,4 кВ и расстоянии до сетей не более ${near} м (${a.territory === 'urban' ? 'город' : 'сельская местность'}) оплата частями не предоставляется`;
  }
  return null;
}

// --- the schedule ----------------------------------------------------------------------

/** What a part's due date counts from: the invoice posted in the cabinet, or the act on ТП. */
export type ScheduleBase = 'invoice' | 'act';

export interface SchedulePart {
  /** 1-based; part 1 concludes the contract. */
  no: number;
  title: string;
  base: ScheduleBase;
  /** The term from the base, already multiplied for the k-th quarter. */
  term: TermSpec;
  principalKop: Kop;
  interestKop: Kop;
  amountKop: Kop;
  /** Known once its base event happened (the act for later parts). */
  dueAt: number | null;
  /** When the applicant is reminded (the reminder term before the due date). */
  remindAt: number | null;
}

export interface PaymentSchedule {
  option: ScheduleOption;
  totalKop: Kop;
  /** Instalments: the annual interest rate used (key rate + 4 p.p.) and the key rate it came from. */
  interest: { annualPercent: number; keyRatePercent: number } | null;
  parts: SchedulePart[];
  source: string;
}

export interface PlanRequest {
  option: ScheduleOption;
  totalKop: Kop;
  /** Instalments only: quarters chosen by the applicant (1…12). */
  quarters?: number;
  invoicePostedAt: number;
  actAt: number | null;
  terms: Pick<ResolvedTerms, 'payInvoice' | 'stagedPart2' | 'stagedPart3' | 'stagedPartAfterAct' | 'instalmentQuarter' | 'instalmentReminder'>;
  keyRatePercent?: number;
}

const scaled = (t: TermSpec, k: number): TermSpec => ({ amount: t.amount * k, unit: t.unit });

/** Shares of a total in kopecks, each rounded half up; the last absorbs the rounding so they sum to the total exactly. */
export function splitByPercent(totalKop: Kop, percents: readonly number[]): Kop[] {
  if (!Number.isSafeInteger(totalKop) || totalKop <= 0) throw new RangeError(`total must be a positive number of kopecks, got ${totalKop}`);
  // Percents may carry decimals: scale them to hundredths for exact integer arithmetic.
  const parts = percents.map((p) => mulDivRound(totalKop, Math.round(p * 100), 10_000));
  parts[parts.length - 1] = totalKop - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

/** The schedule of a fee: amounts now, due dates of the parts whose base event has happened. */
export function planSchedule(req: PlanRequest, calendar: ProductionCalendar = SHIPPED_CALENDAR): PaymentSchedule {
  const { terms } = req;
  const base = (b: ScheduleBase) => (b === 'invoice' ? req.invoicePostedAt : req.actAt);
  const dated = (p: Omit<SchedulePart, 'dueAt' | 'remindAt'>): SchedulePart => {
    const from = base(p.base);
    const dueAt = from === null ? null : termDeadline(from, p.term, calendar);
    return { ...p, dueAt, remindAt: dueAt === null ? null : reminderBefore(dueAt, terms.instalmentReminder, calendar) };
  };
  if (req.option === 'staged') {
    const rule = STAGED_PAYMENT_RULE;
    const amounts = splitByPercent(req.totalKop, rule.parts.map((p) => p.percent));
    return {
      option: 'staged',
      totalKop: req.totalKop,
      interest: null,
      source: rule.source,
      parts: rule.parts.map((p, i) =>
        dated({ no: i + 1, title: `${i + 1}-й платёж, ${p.percent} %`, base: p.base, term: terms[p.term as TermKey & keyof PlanRequest['terms']], principalKop: amounts[i]!, interestKop: 0, amountKop: amounts[i]! }),
      ),
    };
  }
  const rule = INSTALMENT_PAYMENT_RULE;
  const quarters = req.quarters ?? rule.maxQuarters;
  if (!Number.isInteger(quarters) || quarters < 1 || quarters > rule.maxQuarters) throw new RangeError(`quarters must be 1…${rule.maxQuarters}, got ${quarters}`);
  const keyRate = req.keyRatePercent ?? KEY_RATE.percent;
  const annualPercent = keyRate + rule.interestOverKeyRatePp;
  const [advance, rest] = splitByPercent(req.totalKop, [rule.advancePercent, 100 - rule.advancePercent]) as [Kop, Kop];
  const principal = splitByPercent(rest, Array.from({ length: quarters }, () => 100 / quarters));
  const parts: SchedulePart[] = [dated({ no: 1, title: `Аванс, ${rule.advancePercent} %`, base: 'invoice', term: terms.payInvoice, principalKop: advance, interestKop: 0, amountKop: advance })];
  let outstanding = rest;
  principal.forEach((p, i) => {
    // Interest for the quarter on what is still owed, at the annual rate / 4 (rate in hundredths of a percent).
    const interestKop = mulDivRound(outstanding, Math.round(annualPercent * 100), 40_000);
    parts.push(dated({ no: i + 2, title: `${i + 1}-й квартальный платёж`, base: 'act', term: scaled(terms.instalmentQuarter, i + 1), principalKop: p, interestKop, amountKop: p + interestKop }));
    outstanding -= p;
  });
  return { option: 'instalments', totalKop: req.totalKop, interest: { annualPercent, keyRatePercent: keyRate }, source: rule.source, parts };
}

/**
 * The reminder instant `term` before a due date: for working days, 09:00 Moscow
 * of the working day that many working days before the due day; calendar
 * days likewise; clock units (tests) are plain durations. Never before now's past is the caller's concern.
 */
export function reminderBefore(dueAt: number, term: TermSpec, calendar: ProductionCalendar = SHIPPED_CALENDAR): number {
  const NINE_AM = 9 * 3_600_000;
  switch (term.unit) {
    case 'seconds':
      return dueAt - term.amount * 1000;
    case 'hours':
      return dueAt - term.amount * 3_600_000;
    case 'working-days':
      return startOfMoscowDay(addWorkingDays(moscowDate(dueAt), -term.amount, calendar)) + NINE_AM;
    default:
      return startOfMoscowDay(addCalendarDays(moscowDate(dueAt), -term.amount)) + NINE_AM;
  }
}

// --- the state of a schedule in a case ---------------------------------------------------

export type PartStatus = 'waiting' | 'due' | 'overdue' | 'paid' | 'cancelled';

export const PART_STATUS_LABELS: Record<PartStatus, string> = {
  waiting: 'Срок после акта о ТП',
  due: 'Ожидает оплаты',
  overdue: 'Просрочен заявителем',
  paid: 'Оплачен',
  cancelled: 'Отменён',
};

export interface PartPayment {
  at: number;
  by: { id: string | null; name: string; role: string };
  reference: string;
}

export interface TrackedPart extends SchedulePart {
  status: PartStatus;
  payment: PartPayment | null;
}

export interface ScheduleState extends Omit<PaymentSchedule, 'parts'> {
  parts: TrackedPart[];
  /** Every part paid, or the schedule ended with the case. */
  settled: boolean;
  cancelled: boolean;
}

export function trackSchedule(schedule: PaymentSchedule): ScheduleState {
  return { ...schedule, parts: schedule.parts.map((p) => ({ ...p, status: p.dueAt === null ? 'waiting' : 'due', payment: null })), settled: false, cancelled: false };
}

/** The part the applicant pays next (the lowest unpaid), or null when none is open. */
export function nextOpenPart(state: ScheduleState | null | undefined): TrackedPart | null {
  if (!state || state.settled) return null;
  return state.parts.find((p) => p.status === 'due' || p.status === 'overdue' || p.status === 'waiting') ?? null;
}

/** Is any part overdue (the applicant's debt, never the grid's lateness)? */
export const hasOverduePart = (state: ScheduleState | null | undefined): boolean => Boolean(state?.parts.some((p) => p.status === 'overdue'));
