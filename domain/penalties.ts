// The penalty (неустойка) of Rules 861 п.16 «в» for the party that misses the
// connection term. The rates are configurable data marked ❓ (DOMAIN §9): the
// text of the rule in force was not verified. The rules table is data the
// infra may override; assessPenalty is pure, so the workflow's activity, the
// case pages (the sum as of today) and the claim compute the same number.
import { addCalendarDays, moscowDate, startOfMoscowDay, type IsoDate } from './calendar';
import { formatKop, formatQuantity, kopToRub, mulDivRound, rubToKop } from './money';
import type { Mark } from './regulations';

export type PenaltyParty = 'grid' | 'applicant';
/** Who is late against the connection term: one party, or both. */
export type LateParty = PenaltyParty | 'both';

export interface PenaltyInput {
  party: PenaltyParty;
  /** The total connection fee of the contract (the invoice), ₽. */
  feeRub: number;
  /** The fee followed the ≤15 kW rule (п.14 applicants): the rules may raise the rate. */
  preferentialFee: boolean;
  /** The instant the term ended: the delay counts from the next Moscow day. */
  lateFromMs: number;
  /** When the late party did what it owed; null while it is still late. */
  untilMs: number | null;
  /** The instant of the assessment (the workflow's now). */
  asOfMs: number;
}

/** The numbers an assessment rests on: a recorded one keeps them, so its sum can be carried forward to any day. */
interface PenaltyBasis {
  party: PenaltyParty;
  feeRub: number;
  ratePercentPerDay: number;
  multiplier: number;
  /** The cap in days of delay (the applicant's liability: one year), or null. */
  capDays: number | null;
  /** First day of delay and, once settled, the last one (Moscow dates). */
  lateFrom: IsoDate;
  until: IsoDate | null;
  source: string;
  mark: Mark;
}

export interface PenaltyAssessment extends PenaltyBasis {
  /** Days of delay counted as of the assessment (or until settlement) and the sum, ₽ to the kopeck. */
  days: number;
  sumRub: number;
  /** The formula with its numbers, as the case page and the claim show it. */
  formula: string;
}

// --- the rules table ------------------------------------------------------------

export const PENALTY_SOURCE = 'ПП 861 п.16 «в» (проверить редакцию)';

/** One party's liability: what the table says and why; every number is ❓ configurable data (DOMAIN §9). */
export interface PenaltyRule {
  party: PenaltyParty;
  title: string;
  /** Percent of the total connection fee per day of delay. */
  ratePercentPerDay: number;
  /** Applied when the fee followed the ≤15 kW rule (п.14 applicants); 1 = no change. */
  preferentialMultiplier: number;
  /** At most this many days of delay are charged, or null for no cap. */
  capDays: number | null;
  source: string;
  mark: Mark;
  note: string;
}

export type PenaltyRules = Readonly<Record<PenaltyParty, PenaltyRule>>;

export const PENALTY_RULES: PenaltyRules = {
  grid: {
    party: 'grid',
    title: 'Неустойка сетевой организации за нарушение срока технологического присоединения',
    ratePercentPerDay: 0.25,
    preferentialMultiplier: 2,
    capDays: null,
    source: PENALTY_SOURCE,
    mark: '❓',
    note: '❓ Ставка 0,25 % общего размера платы за каждый день просрочки; двойной размер — в пользу заявителя, чья плата рассчитана по правилу до 15 кВт (так понято удвоение; редакция не проверена). Настраивается.',
  },
  applicant: {
    party: 'applicant',
    title: 'Неустойка заявителя за нарушение срока технологического присоединения',
    ratePercentPerDay: 0.25,
    preferentialMultiplier: 1,
    capDays: 365,
    source: PENALTY_SOURCE,
    mark: '❓',
    note: '❓ Ставка 0,25 % общего размера платы за каждый день просрочки, не более чем за год просрочки (редакция не проверена). Настраивается.',
  },
};

/** Configuration on top of the table (the infra reads it from the environment): numbers only, the wording stays. */
export type PenaltyOverrides = Partial<Record<PenaltyParty, Partial<Pick<PenaltyRule, 'ratePercentPerDay' | 'preferentialMultiplier' | 'capDays'>>>>;

const PARTIES: readonly PenaltyParty[] = ['grid', 'applicant'];

export function resolvePenaltyRules(overrides: PenaltyOverrides = {}): PenaltyRules {
  const rules = { ...PENALTY_RULES };
  for (const [party, override] of Object.entries(overrides)) {
    if (!(PARTIES as readonly string[]).includes(party)) throw new RangeError(`Unknown penalty party ${JSON.stringify(party)}`);
    const p = party as PenaltyParty;
    const rule: PenaltyRule = { ...rules[p], ...Object.fromEntries(Object.entries(override ?? {}).filter(([, v]) => v !== undefined)) };
    assertValidRule(rule);
    rules[p] = rule;
  }
  return rules;
}

function assertValidRule(rule: PenaltyRule): void {
  const { ratePercentPerDay: rate, preferentialMultiplier: mult, capDays } = rule;
  if (!Number.isFinite(rate) || rate < 0 || rate > 100) throw new RangeError(`Penalty ${rule.party}: invalid rate ${rate} %`);
  if (!Number.isFinite(mult) || mult < 0) throw new RangeError(`Penalty ${rule.party}: invalid multiplier ${mult}`);
  if (capDays !== null && (!Number.isInteger(capDays) || capDays < 0)) throw new RangeError(`Penalty ${rule.party}: invalid cap ${capDays}`);
}

// --- the assessment -------------------------------------------------------------

const DAY_MS = 86_400_000;
/** Rates and multipliers are kept exact to these fractions (0,0001 % and 0,001). */
const RATE_SCALE = 10_000;
const MULTIPLIER_SCALE = 1_000;

const dayIndex = (iso: IsoDate): number => Math.round(startOfMoscowDay(iso) / DAY_MS);

function requireInstant(ms: number, what: string): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be an instant (epoch ms), got ${ms}`);
}

/** 12 → «12 дн.»: the short form documents use, the same for every number. */
const daysText = (n: number) => `${n} дн.`;

function compute(basis: PenaltyBasis, asOfDate: IsoDate): PenaltyAssessment {
  const feeKop = rubToKop(basis.feeRub);
  if (feeKop === null) throw new RangeError(`Penalty: the fee must be a non-negative amount in roubles, got ${basis.feeRub}`);
  // The day of performance is a day of delay; the running count includes today.
  const lastDay = basis.until ?? asOfDate;
  const days = Math.max(0, dayIndex(lastDay) - dayIndex(basis.lateFrom) + 1);
  const charged = basis.capDays === null ? days : Math.min(days, basis.capDays);
  const rate = Math.round(basis.ratePercentPerDay * RATE_SCALE);
  const multiplier = Math.round(basis.multiplier * MULTIPLIER_SCALE);
  const sumKop = mulDivRound(feeKop * charged, rate * multiplier, 100 * RATE_SCALE * MULTIPLIER_SCALE);

  const factors = [formatKop(feeKop, { kopecks: 'always' }), `${formatQuantity(basis.ratePercentPerDay, 4)} %`];
  if (basis.multiplier !== 1) factors.push(formatQuantity(basis.multiplier, 3));
  const capped = charged < days ? ` (просрочка ${daysText(days)}, не более ${daysText(charged)})` : '';
  factors.push(`${daysText(charged)}${capped}`);
  const formula = `${factors.join(' × ')} = ${formatKop(sumKop, { kopecks: 'always' })}`;

  return {
    party: basis.party,
    feeRub: basis.feeRub,
    ratePercentPerDay: basis.ratePercentPerDay,
    multiplier: basis.multiplier,
    capDays: basis.capDays,
    lateFrom: basis.lateFrom,
    until: basis.until,
    days,
    sumRub: kopToRub(sumKop),
    formula,
    source: basis.source,
    mark: basis.mark,
  };
}

/**
 * The penalty the late party owes: fee × rate % × multiplier × days of delay
 * (capped where the table caps), rounded half up to the kopeck. Days are
 * Moscow calendar days from the day after the term's end up to the day the
 * party did what it owed (inclusive) or, while it is still late, up to the day
 * of the assessment (inclusive).
 */
export function assessPenalty(input: PenaltyInput, rules: PenaltyRules = PENALTY_RULES): PenaltyAssessment {
  requireInstant(input.lateFromMs, 'lateFromMs');
  requireInstant(input.asOfMs, 'asOfMs');
  if (input.untilMs !== null) requireInstant(input.untilMs, 'untilMs');
  const rule = rules[input.party];
  if (!rule) throw new RangeError(`Unknown penalty party ${JSON.stringify(input.party)}`);
  return compute(
    {
      party: input.party,
      feeRub: input.feeRub,
      ratePercentPerDay: rule.ratePercentPerDay,
      multiplier: input.preferentialFee ? rule.preferentialMultiplier : 1,
      capDays: rule.capDays,
      lateFrom: addCalendarDays(moscowDate(input.lateFromMs), 1),
      until: input.untilMs === null ? null : moscowDate(input.untilMs),
      source: rule.source,
      mark: rule.mark,
    },
    moscowDate(input.asOfMs),
  );
}

/**
 * A recorded assessment carried forward to `nowMs` with its own numbers (the
 * case keeps the rate it was assessed with): while the party is still late the
 * days and the sum grow each Moscow day without a workflow event; a settled
 * one stays as it was.
 */
export function penaltyAsOf(recorded: PenaltyAssessment, nowMs: number): PenaltyAssessment {
  requireInstant(nowMs, 'nowMs');
  return compute(recorded, moscowDate(nowMs));
}

/** «сетевой организации» / «заявителя»: whose delay, as the queue and the claim say it. */
export const LATE_PARTY_WORDS: Readonly<Record<LateParty, string>> = {
  grid: 'просрочка сетевой организации',
  applicant: 'просрочка заявителя',
  both: 'просрочка сетевой организации и заявителя',
};
