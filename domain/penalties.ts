// The penalty (неустойка) of Rules 861 п.16 «в» for the party that misses the
// connection term. The rates are configurable data marked ❓ (DOMAIN §9): the
// text of the rule in force was not verified. (Interface fixed by the lead;
// the computation and the rules table are filled in by the penalties work.)
import type { IsoDate } from './calendar';
import type { Mark } from './regulations';

export type PenaltyParty = 'grid' | 'applicant';

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

export interface PenaltyAssessment {
  party: PenaltyParty;
  feeRub: number;
  ratePercentPerDay: number;
  multiplier: number;
  /** The cap in days of delay (the applicant's liability: one year), or null. */
  capDays: number | null;
  /** First day of delay and, once settled, the last one (Moscow dates). */
  lateFrom: IsoDate;
  until: IsoDate | null;
  /** Days of delay counted as of the assessment (or until settlement) and the sum, ₽ to the kopeck. */
  days: number;
  sumRub: number;
  /** The formula with its numbers, as the case page and the claim show it. */
  formula: string;
  source: string;
  mark: Mark;
}
